"""Life after training: outcomes, aftercare, partners, graduate profiles (issue 15)."""

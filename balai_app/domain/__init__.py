"""Pure domain knowledge: codes and labels, errors, NIK and date rules. No I/O, no Qt."""

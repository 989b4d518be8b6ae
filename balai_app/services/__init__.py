"""Services: every read and write of the program goes through here.

Each public function takes the acting user (``Actor``) first, checks the
permission, validates, writes in one transaction and records an audit event.
No Qt in this package.
"""

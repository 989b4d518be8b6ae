"""Competency certificates: one import for the CLI and the window.

The work is split along its seams (each module under 500 lines):

- ``certificates_settings``: numbering template, title, header lines, time zone, LSP;
- ``certificates_snapshot``: what a certificate states (the snapshot) and its signed document;
- ``certificates_issue``: eligibility, issue-date rules, issuing, reissuing, revoking;
- ``certificates_verify``: checking a QR payload or a number + code (Ed25519, or the older HMAC);
- ``certificates_register``: the register, batch print sets and PDFs;
- ``certificates_publish``: the verification folder for any static web host;
- ``signing_keys``: the balai's Ed25519 key (never in the database).

A certificate states what is in its ``snapshot`` (JSON) and nothing else; reprints
render only from it. Every function hands out plain frozen dataclasses or tuples.
"""

from __future__ import annotations

from balai_app.services.certificates_issue import (  # noqa: F401
    MIN_OVERRIDE_REASON,
    Candidate,
    CertificateInfo,
    IssueResult,
    balai_today,
    candidates,
    earliest_for,
    find,
    get,
    issue,
    issued_by_name,
    missing_codes_warning,
    record_print,
    reissue,
    revoke,
    units_without_code,
    year_floor,
)
from balai_app.services.certificates_register import (  # noqa: F401
    STATUS_LABELS,
    BatchPrintSet,
    CertificateFilter,
    CertificateRow,
    batch_print_set,
    batches,
    count_certificates,
    ids_of_batch,
    list_certificates,
    programs,
    render_list,
    write_pdf,
    years,
)
from balai_app.services.certificates_settings import (  # noqa: F401
    DEFAULT_TEMPLATE,
    SETTING_LABELS,
    TEMPLATE_FIELDS,
    TITLE_LABELS,
    TITLES,
    CertificateSettings,
    check_template,
    format_number,
    get_settings,
    next_number_example,
    save_settings,
    template_from_indonesian,
    template_to_indonesian,
    zone,
)
from balai_app.services.certificates_snapshot import (  # noqa: F401
    SNAPSHOT_FORMAT,
    build_snapshot,
    certificate_photo,
    render_data,
)
from balai_app.services.certificates_verify import (  # noqa: F401
    INVALID,
    REVOKED,
    VALID,
    Verdict,
    compute_code,
    normalise_code,
    verify,
    verify_code,
)


def render_data_by_id(certificate_id: int) -> dict:
    from balai_app.services.certificates_issue import load_row

    return render_data(load_row(certificate_id))

"""The certificate PDF, read back with pypdf: pages, text, names, fonts, size."""

from __future__ import annotations

import copy
import io
import re
import zlib

import pytest
from pypdf import PdfReader

from balai_app.documents import certificate as doc
from balai_app.documents import fonts
from support.certificates import jpeg

LONG_NAME = ("Ni Luh Putu Ayu Ṣ Wijayakusuma Anak Agung Gede Ngurah Dewi Lestari Wulandari Putri Maharani Kusuma "
             "Wardani")[:100]


def render(*items) -> PdfReader:
    out = io.BytesIO()
    doc.render_certificates(list(items), out)
    return PdfReader(io.BytesIO(out.getvalue()))


def item(**changes):
    data = copy.deepcopy(doc.sample_item())
    for key, value in changes.items():
        if key == "name":
            data["holder"]["name"] = value
        else:
            data[key] = value
    return data


def fonts_of(reader: PdfReader) -> dict[str, bool]:
    """{font name: embedded?} over every page, descendants included."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            targets = [d.get_object() for d in descendants] if descendants else [font]
            for target in targets:
                descriptor = target.get("/FontDescriptor")
                embedded = bool(descriptor) and any(
                    k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                found[str(target.get("/BaseFont") or font.get("/BaseFont"))] = embedded
    return found


def text_of(page) -> str:
    return " ".join(page.extract_text().split())


def test_two_landscape_pages_per_certificate_with_text_on_both():
    reader = render(item(), item(name="Budi Santoso", number="0002/SK-MJH/BRS-CT/XI/2026"))
    assert len(reader.pages) == 4
    for page in reader.pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)
        assert round(float(page.mediabox.width)) == 842
    front, back = text_of(reader.pages[0]), text_of(reader.pages[1])
    assert "SERTIFIKAT KOMPETENSI" in front and "diberikan kepada" in front
    assert "0001/SK-MJH/BRS-CT/XI/2026" in front and "ABCD-EFGH-JKMN" in front
    assert "NIP. 19680512 199003 2 001" in front and "Menjahit" in front
    assert "DAFTAR UNIT KOMPETENSI" in back and "C.141000.005.01" in back
    assert "Menyelesaikan Busana dengan Jahitan Tangan" in back
    assert "3 Agustus 2026 s.d. 30 Oktober 2026" in back
    assert "Budi Santoso" in text_of(reader.pages[2])


@pytest.mark.parametrize("name", ["Đặng Thị Ngọc Ánh", "Ni Luh Putu Ayu Ṣ", "Muh. Ma'ruf", "Sukarno"])
def test_a_name_that_fits_prints_on_one_line(name):
    reader = render(item(name=name))
    lines = [" ".join(line.split()) for line in reader.pages[0].extract_text().splitlines()]
    assert " ".join(name.split()) in lines
    assert all(fonts_of(reader).values())


@pytest.mark.parametrize("name", [LONG_NAME, "Anak Agung Ayu Ngurah Putri Wijayakusuma Dewi Lestari Maharani",
                                  "Wijayakusumaningrat" * 4])
def test_a_long_name_wraps_to_two_lines_never_smaller_than_the_program_name(name):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    renderer = doc._Renderer(Canvas(io.BytesIO(), pagesize=landscape(A4)))
    font = doc.name_font(name)
    program_size = doc.fit("Menjahit", fonts.SERIF_BOLD, doc.PROGRAM_SIZE, renderer.W - 200, doc.PROGRAM_MIN_SIZE)[0]
    size, lines, scale = renderer.name_layout(name, font, program_size)
    assert 1 <= len(lines) <= 2 and " ".join(lines) == name
    assert size >= program_size  # the largest text after the title, never below the program name
    assert all(doc.line_width(line, font, size, 0, scale) <= doc.NAME_MAX_WIDTH + 0.01 for line in lines)
    reader = render(item(name=name))
    text = [" ".join(line.split()) for line in reader.pages[0].extract_text().splitlines()]
    assert all(line in text for line in lines)
    if " " in name:
        assert len(lines) == 2
        assert scale == 100.0 or len(name) > 90  # only a name near the 100-character limit is narrowed
        assert scale >= 85


def test_every_font_is_embedded_and_no_helvetica():
    data = item(second_signatory={"org": "LSP Garmen", "name": "Ir. Bambang", "title": "Ketua", "number": "1"},
                photo=jpeg(), revoked=True)
    out = io.BytesIO()
    doc.render_certificates([data], out)
    reader = PdfReader(io.BytesIO(out.getvalue()))
    found = fonts_of(reader)
    assert found and all(found.values()), found
    assert not any("Helvetica" in name for name in found)
    assert b"Helvetica" not in out.getvalue()


def test_a_long_name_shrinks_then_narrows_but_never_exceeds_its_width():
    for name in [LONG_NAME, "W" * 200, "Sukarno"]:
        font = doc.name_font(name)
        size, space, scale = doc.fit(name, font, doc.NAME_SIZE, doc.NAME_MAX_WIDTH, doc.NAME_MIN_SIZE)
        assert doc.line_width(name, font, size, space, scale) <= doc.NAME_MAX_WIDTH
        assert size >= doc.NAME_MIN_SIZE
    assert doc.fit("Sukarno", fonts.SERIF_BOLD, 26, doc.NAME_MAX_WIDTH, 12) == (26, 0, 100.0)


def test_no_photo_draws_an_empty_frame_and_a_photo_is_embedded():
    without = render(item(photo=None))
    assert "Pas foto" in text_of(without.pages[0])
    with_photo = render(item(photo=jpeg()))
    assert "Pas foto" not in text_of(with_photo.pages[0])
    images = [img for img in with_photo.pages[0].images]
    assert len(images) == 2  # logo and photo


def test_one_certificate_with_a_photo_stays_small(tmp_path):
    target = tmp_path / "one.pdf"
    doc.render_certificates([item(photo=jpeg(600, 800))], target)
    assert target.stat().st_size < 150 * 1024


def test_bilingual_labels_and_second_signatory_are_optional():
    plain = text_of(render(item(bilingual=False)).pages[0])
    assert "awarded to" not in plain and "No. Reg." not in plain and "Lisensi" not in plain
    both = render(item(bilingual=True, second_signatory={"org": "LSP Garmen Indonesia", "name": "Ir. Bambang",
                                                         "title": "Ketua", "licence": "BNSP-LSP-123-ID",
                                                         "scheme": "Skema Penjahit Pakaian"}))
    front = text_of(both.pages[0])
    assert "awarded to" in front and "CERTIFICATE OF COMPETENCE" in front
    assert "Ir. Bambang" in front and "No. Lisensi LSP: BNSP-LSP-123-ID" in front and "No. Reg." not in front
    assert "Skema sertifikasi: Skema Penjahit Pakaian" in front
    assert "Unit Code" in text_of(both.pages[1])


def test_progress_can_cancel(tmp_path):
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 2

    with pytest.raises(doc.Cancelled):
        doc.render_certificates([item(), item(), item()], tmp_path / "x.pdf", progress=progress)
    assert seen == [(1, 3), (2, 3)]
    assert not (tmp_path / "x.pdf").exists()


def test_many_units_still_fit_the_back_page():
    units = [{"code": f"C.{i:03d}", "title": "Menerapkan prosedur keselamatan dan kesehatan kerja di tempat kerja"}
             for i in range(1, 21)]
    reader = render(item(units=units))
    assert len(reader.pages) == 2
    assert "C.020" in text_of(reader.pages[1])


def test_a_certificate_with_only_some_units_found_kompeten_never_claims_all():
    data = item(units_total=6)
    data["units"] = data["units"][:2]
    reader = render(data)
    front, back = text_of(reader.pages[0]), text_of(reader.pages[1])
    assert "dinyatakan kompeten pada 2 dari 6 unit kompetensi (terlampir) bidang" in front
    assert "KOMPETEN pada bidang" not in front and "declared COMPETENT" not in front
    assert "UNIT KOMPETENSI YANG DINYATAKAN KOMPETEN" in back and "2 dari 6 unit" in back
    assert "C.141000.002.01" in back and "C.141000.003.01" not in back


def test_no_unit_found_kompeten_states_only_attendance():
    data = item(units_total=6, title="pelatihan")
    data["units"] = []
    reader = render(data)
    front, back = text_of(reader.pages[0]), text_of(reader.pages[1])
    assert "SERTIFIKAT PELATIHAN" in front and "CERTIFICATE OF TRAINING" in front
    assert "kompeten" not in front.lower()
    assert "Belum ada unit kompetensi yang dinyatakan kompeten" in back


def test_title_header_and_hours_attended():
    data = item(title="pelatihan")
    data["training"].update({"hours": 86, "hours_kind": "attended", "whole": False})
    front = text_of(render(data).pages[0])
    assert front.startswith("KEMENTERIAN SOSIAL REPUBLIK INDONESIA DIREKTORAT JENDERAL REHABILITASI SOSIAL")
    assert "SERTIFIKAT PELATIHAN" in front and "SERTIFIKAT KOMPETENSI" not in front
    assert "(86 jam pelajaran yang diikuti)" in front and "(86 training hours attended)" in front
    assert "Pindai kode QR dengan kamera ponsel untuk memeriksa keaslian" in front


def test_no_logo_prints_no_emblem():
    data = item(photo=None)
    data["balai"]["logo_png"] = None
    reader = render(data)
    assert len(list(reader.pages[0].images)) == 0


def batch_of(count: int, photo: bytes | None = None) -> list[dict]:
    """``count`` certificates of one batch: the same heading, units and signatory, each its own
    name, number, code and QR."""
    items = []
    for n in range(count):
        data = item(name=f"Peserta Nomor {n + 1}", number=f"{n + 1:04d}/SK-MJH/BRS-CT/XI/2026",
                    code=f"ABCD-EFGH-{n:04d}", photo=photo)
        data["qr_payload"] = data["qr_payload"][:-4] + f"{n:04d}"
        items.append(data)
    return items


def forms_and_front_sizes(reader: PdfReader) -> tuple[int, list[int]]:
    """(form XObjects in the whole PDF, texts each front page draws itself: its Tj operators)."""
    forms: set = set()

    def collect(resources) -> None:
        for ref in ((resources or {}).get("/XObject") or {}).values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Form" and id(obj) not in {id(f) for f in forms}:
                forms.add(obj.indirect_reference.idnum if obj.indirect_reference else id(obj))
                collect(obj.get("/Resources"))

    fronts = []
    for index, page in enumerate(reader.pages):
        collect(page.get("/Resources"))
        if index % 2 == 0:
            fronts.append(page.get_contents().get_data().count(b" Tj"))
    return len(forms), fronts


def test_what_the_certificates_of_a_pdf_share_is_written_once():
    few, few_fronts = forms_and_front_sizes(render(*batch_of(3)))
    many, many_fronts = forms_and_front_sizes(render(*batch_of(12)))
    # the border, the heading, labels, signature block, units: never more per certificate;
    # each certificate's own QR is one form of its own (drawn once, when it was issued)
    assert few - 3 == many - 12 > 1
    # from the second certificate on, a front page only draws what is its own
    assert many_fronts[5] < many_fronts[0] / 2, many_fronts
    assert len(set(many_fronts[1:])) <= 2  # names of one or two digits


def test_every_certificate_of_a_pdf_reads_as_when_printed_alone():
    items = batch_of(4, photo=jpeg())
    together = render(*items)
    for index, data in enumerate(items):
        alone = render(data)
        assert text_of(together.pages[2 * index]) == text_of(alone.pages[0])
        assert text_of(together.pages[2 * index + 1]) == text_of(alone.pages[1])
        assert f"Peserta Nomor {index + 1}" in text_of(together.pages[2 * index])


def qr_form(page):
    """The form XObject a front page draws its QR with."""
    forms = [ref.get_object() for name, ref in page["/Resources"]["/XObject"].items() if name.startswith("/FormXob.qr-")]
    assert len(forms) == 1, page["/Resources"]["/XObject"]
    return forms[0]


def test_the_qr_is_the_stored_matrix_module_for_module():
    data = item()
    matrix = doc.qr_matrix(data["qr_payload"])
    data["qr_matrix"] = matrix
    count, modules = doc.unpack_qr(matrix)
    form = qr_form(render(data).pages[0])
    assert [float(v) for v in form["/BBox"]] == [0, 0, count, count]
    content = form.get_data().decode("latin-1")
    drawn = [[False] * count for _ in range(count)]
    for x, y, w in re.findall(r"^(\d+) (\d+) (\d+) 1 re$", content, re.M):  # integer runs of dark modules
        for col in range(int(x), int(x) + int(w)):
            assert not drawn[int(y)][col]  # runs never overlap
            drawn[int(y)][col] = True
    assert drawn == modules
    assert content.startswith("0 g\n") and content.endswith("\nf")  # black, one fill


def test_a_stored_qr_drawing_goes_into_the_pdf_as_it_is(monkeypatch):
    from balai_app.documents import certificate_canvas

    data = item()
    matrix = doc.qr_matrix(data["qr_payload"])
    derived = qr_form(render({**data, "qr_matrix": matrix}).pages[0])  # an older certificate: drawn when printed
    data["qr_drawing"] = drawing = doc.qr_drawing(matrix)

    def refuse(*_args):
        raise AssertionError("the QR was encoded or drawn again when printing")

    monkeypatch.setattr(certificate_canvas, "qr_drawing", refuse)
    monkeypatch.setattr(certificate_canvas, "qr_matrix", refuse)
    stored = qr_form(render(data).pages[0])
    assert stored._data == drawing[3:]  # the compressed stream, byte for byte
    assert stored.get_data() == derived.get_data()
    assert [float(v) for v in stored["/BBox"]] == [float(v) for v in derived["/BBox"]]


def test_a_qr_drawing_of_another_format_is_drawn_again_when_printed():
    data = item()
    matrix = doc.qr_matrix(data["qr_payload"])
    drawn = qr_form(render({**data, "qr_matrix": matrix}).pages[0]).get_data()
    current = doc.qr_drawing(matrix)
    assert current[:1] == doc.QR_DRAWING_FORMAT
    older = b"\x00" + current[1:3] + zlib.compress(b"0 g\n0 0 1 1 re\nf")  # a format this program no longer writes
    assert qr_form(render({**data, "qr_matrix": matrix, "qr_drawing": older}).pages[0]).get_data() == drawn
    # a driver may hand a blob over as a memoryview: written as the bytes it holds
    assert qr_form(render({**data, "qr_drawing": memoryview(current)}).pages[0]).get_data() == drawn


def test_a_photo_goes_into_the_pdf_unchanged_and_once():
    photo, other = jpeg(450, 600), jpeg(451, 600)
    items = batch_of(3, photo=photo)
    items[2]["photo"] = other
    out = io.BytesIO()
    doc.render_certificates(items, out)
    reader = PdfReader(io.BytesIO(out.getvalue()))
    streams = {}
    for page in reader.pages[::2]:
        for ref in page["/Resources"]["/XObject"].values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image" and "/DCTDecode" in obj.get("/Filter"):
                streams[obj.indirect_reference.idnum] = obj._data
    assert sorted(streams.values()) == sorted([photo, other])  # each JPEG as it is, once


def test_printing_never_decodes_a_photo(monkeypatch):
    from PIL import JpegImagePlugin

    decoded = []
    real_load = JpegImagePlugin.JpegImageFile.load

    def load(self):
        decoded.append(self.size)
        return real_load(self)

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "load", load)
    out = io.BytesIO()
    doc.render_certificates(batch_of(3, photo=jpeg(450, 600)), out)
    assert decoded == []  # reportlab alone decodes each photo to name it by its pixels: 3 ms a certificate
    assert (450, 600) in [img.image.size for img in PdfReader(io.BytesIO(out.getvalue())).pages[4].images]

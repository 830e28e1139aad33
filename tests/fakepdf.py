"""A stand-in for WeasyPrint's PDF rendering, for the tests whose point is not the PDF.

Rendering a report takes WeasyPrint about a second; most tests that publish a report or
download a document check what was rendered, who may fetch it and that it is kept byte for
byte, not the layout of the PDF. `FakeHTML` takes WeasyPrint's place (`weasyprint.HTML`,
which the code imports where it renders) and writes a small valid one-page PDF whose bytes
depend on the HTML, so a changed document still gives other bytes. The HTML of every render
is kept, for tests that check what went into a PDF.

The tests marked `real_pdf` render with WeasyPrint and read the PDF back (pdftotext, pdfinfo):
at least one for each kind of document (report, public edition, summary, plan)."""

import hashlib


def minimal_pdf(comment: str) -> bytes:
    """A valid one-page PDF (pdfinfo reads it) carrying `comment` in a PDF comment line."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.7\n%" + comment.encode("ascii") + b"\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


class FakeHTML:
    """weasyprint.HTML as the project calls it: HTML(string=…, base_url=…, url_fetcher=…)
    .write_pdf(**options)."""

    rendered: list[str]  # set per test: the HTML of every PDF written, in order

    def __init__(self, *, string: str, base_url=None, url_fetcher=None):
        self.string = string

    def write_pdf(self, **options) -> bytes:
        self.rendered.append(self.string)
        return minimal_pdf("fake " + hashlib.sha256(self.string.encode()).hexdigest())

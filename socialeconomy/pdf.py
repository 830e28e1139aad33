"""HTML to PDF: WeasyPrint, tagged (PDF/UA-1), fetching nothing but inline data and the
project's own static files. Every PDF of the system (reports, summaries, plans and
evaluations) is made here."""

from pathlib import Path

from django.conf import settings


def static_file_allowed(url: str) -> bool:
    """A file: URL whose resolved path (after `..`, `%2e%2e` and symbolic links) lies inside
    the project's static folder."""
    from urllib.parse import unquote, urlsplit

    static_root = (settings.BASE_DIR / "socialeconomy" / "static").resolve()
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    return Path(unquote(parts.path)).resolve().is_relative_to(static_root)


def project_url_fetcher():
    """A WeasyPrint fetcher that may fetch nothing but inline data and the project's own
    static files: the report never reaches the network or the rest of the disk."""
    from weasyprint.urls import URLFetcher

    class ProjectURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not (url.startswith("data:") or static_file_allowed(url)):
                raise ValueError(f"WeasyPrint may not fetch {url}")
            return super().fetch(url, headers)

    return ProjectURLFetcher(allowed_protocols={"data", "file"}, fail_on_errors=True)


# Tagged (PDF/UA-1): structure for screen readers, the document's language and title.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(
        string=html, base_url=str(settings.BASE_DIR), url_fetcher=project_url_fetcher()
    ).write_pdf(**PDF_OPTIONS)

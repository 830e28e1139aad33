"""Imports from the browser run as jobs, so that a long workbook shows its progress instead of
a page that hangs: the upload starts a check (nothing written), the confirmation starts the
write. A job's state lives in a small JSON file beside the uploaded workbook, which every
web worker process can read; the work itself runs in a thread of the process that took the
request (settings.EXCHANGE_IMPORT_IN_BACKGROUND; the tests run it inline)."""

import json
import logging
import os
import re
import secrets
import threading
import time
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import close_old_connections, connection
from django.http import Http404

from audit.services import Action, access_record
from exchange.imports import WorkbookRefused, workbook_import
from socialeconomy.roles import consultant_or_404

logger = logging.getLogger(__name__)
RUNNING, DONE, REFUSED, FAILED = "running", "done", "refused", "failed"
KEEP_FOR = 24 * 60 * 60  # seconds an upload and its state are kept
STALE_AFTER = 10 * 60  # seconds without news: the process that ran the job is gone
_TOKEN = re.compile(r"[0-9a-f]{32}")


@dataclass
class ImportJob:
    token: str
    user_id: int
    filename: str
    dry_run: bool
    state: str = RUNNING
    stage: str = "Filen kontrolleres"
    rows: int = 0
    total: int = 0
    updated: float = field(default_factory=time.time)
    message: str = ""
    errors: list[str] = field(default_factory=list)
    sheets: list[dict] = field(default_factory=list)

    @property
    def running(self) -> bool:
        return self.state == RUNNING

    @property
    def stale(self) -> bool:
        return self.running and time.time() - self.updated > STALE_AFTER

    @property
    def ready_to_write(self) -> bool:
        return self.state == DONE and self.dry_run and not self.errors

    @property
    def percent(self) -> int | None:
        return min(100, self.rows * 100 // self.total) if self.total else None


def _folder() -> Path:
    path = settings.DATA_DIR / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def job_workbook(token: str) -> Path:
    return _folder() / f"{token}.xlsx"


def _status(token: str) -> Path:
    return _folder() / f"{token}.json"


def job_save(job: ImportJob) -> None:
    job.updated = time.time()
    path = _status(job.token)
    partial = path.with_suffix(".part")
    partial.write_text(json.dumps(asdict(job), ensure_ascii=False))
    os.replace(partial, path)  # readers never see half a file


def job_for_user(user, token: str) -> ImportJob:
    """The only road to an import job: consultants, and only the one who started it."""
    consultant_or_404(user)
    path = _status(token) if _TOKEN.fullmatch(token) else None
    if path is None or not path.exists():
        raise Http404("Ingen indlæsning med den nøgle.")
    job = ImportJob(**json.loads(path.read_text()))
    if job.user_id != user.pk:
        raise Http404("Ingen indlæsning med den nøgle.")
    return job


def _sweep() -> None:
    """Forget uploads and job states older than a day (a preview nobody confirmed)."""
    cutoff = time.time() - KEEP_FOR
    for path in _folder().iterdir():
        with suppress(FileNotFoundError):  # another worker may sweep at the same time
            if path.stat().st_mtime < cutoff:
                path.unlink()


def job_upload(*, user, upload) -> ImportJob:
    """Store an uploaded file under a fresh token and start checking it."""
    _sweep()
    token = secrets.token_hex(16)
    with job_workbook(token).open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    job = ImportJob(token=token, user_id=user.pk, filename=upload.name, dry_run=True)
    job_start(job)
    return job


def job_confirm(*, job: ImportJob) -> ImportJob:
    """Write a checked workbook (checked again as it is written, all or nothing)."""
    if not job.ready_to_write or not job_workbook(job.token).exists():
        raise ValueError("not a checked workbook waiting to be written")
    job = ImportJob(token=job.token, user_id=job.user_id, filename=job.filename, dry_run=False)
    job_start(job)
    return job


def job_start(job: ImportJob) -> threading.Thread | None:
    job_save(job)
    if not settings.EXCHANGE_IMPORT_IN_BACKGROUND:
        _run(job)
        return None
    thread = threading.Thread(target=_run_in_thread, args=(job,), daemon=True)
    thread.start()
    return thread


def _run_in_thread(job: ImportJob) -> None:
    close_old_connections()
    try:
        _run(job)
    finally:
        connection.close()  # the thread's own connection


def _run(job: ImportJob) -> None:
    path = job_workbook(job.token)
    last = 0.0

    def progress(stage: str, rows: int, total: int = 0) -> None:
        nonlocal last
        job.stage, job.rows, job.total = stage, rows, total
        if time.monotonic() - last > 0.5:  # a status file twice a second is plenty
            last = time.monotonic()
            job_save(job)

    try:
        user = get_user_model().objects.filter(pk=job.user_id).first()
        result = workbook_import(path, dry_run=job.dry_run, progress=progress, user=user)
    except WorkbookRefused as refused:
        job.state, job.message = REFUSED, str(refused)
    except Exception:  # the job must end, and say so, whatever happened
        logger.exception("import job %s failed", job.token)
        job.state = FAILED
        job.message = "Indlæsningen stoppede med en fejl i systemet; intet er gemt."
    else:
        job.state, job.errors = DONE, result.errors
        job.sheets = [asdict(s) for s in result.sheets]
        if result.written:
            access_record(
                user,
                Action.IMPORT,
                references=result.references,
                detail=f"{job.filename}: {result.summary}",
            )
    finally:
        if job.state == RUNNING:  # interrupted from outside
            job.state, job.message = FAILED, "Indlæsningen blev afbrudt; intet er gemt."
        job.stage, job.rows, job.total = "", 0, 0
        if not job.ready_to_write:
            path.unlink(missing_ok=True)  # only a checked, clean file waits for confirmation
        job_save(job)

"""``edition serve``: build once, serve ``build/preview``, and on every saved change update what it affects.

The server is MkDocs' own live-reload server (:class:`mkdocs.livereload.LiveReloadServer`: it serves the
site, holds a request while an update runs so that no half-written page is served, and injects the
long-poll script that reloads the browser when an update is done), told *which* files changed. Two
things differ from ``mkdocs serve``:

* files are watched with watchdog's native observer (inotify on Linux), not by polling every file
  twice a second: a save is seen at once, and a large ``docs/`` costs nothing while nothing changes;
* an update that fails (a PO file with a syntax error, a bad glossary) prints its one-line error and
  leaves the site as it was: the last good pages stay served and browsers are not reloaded (MkDocs'
  server would hold every request until the next good build).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import watchdog.events
import watchdog.observers
from mkdocs.livereload import LiveReloadServer

from edition import pipeline
from edition.errors import EditionError
from edition.paths import Paths
from edition.preview import changes
from edition.preview.incremental import update_translation, write_downloads
from edition.preview.site import PreviewSite
from edition.read.glossary import Term

log = logging.getLogger("edition")

SITE_FOLDER = "preview"  # build/preview: never build/site, which is what gets published
# What a file's save looks like to inotify; "opened" and "closed_no_write" are reads (the build's own).
SETTLE_AFTER = 2.0  # seconds without a change before the edited reports' TEI downloads are written again
_WRITES = {"created", "modified", "moved", "deleted", "closed"}


def say(message: str) -> None:
    print(f"[preview {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, with a native file watcher that collects the changed files for
    ``refresh`` (which returns False when there is nothing new to show)."""

    def __init__(self, refresh: Callable[[set[Path]], bool], host: str, port: int, root: Path,
                 after_refresh: Callable[[], None] | None = None, settle: Callable[[], None] | None = None) -> None:
        super().__init__(builder=self._refresh_changed, host=host, port=port, root=str(root))
        self.observer = watchdog.observers.Observer()
        self.refresh, self.after_refresh, self.settle = refresh, after_refresh, settle
        self._touched: set[Path] = set()
        self._touched_lock = threading.Lock()

        def error_page(code: int) -> bytes | None:
            page = root / f"{code}.html"
            return page.read_bytes() if code == 404 and page.is_file() else None

        self.error_handler = error_page

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        path = os.path.abspath(path)
        if path in self._watched_paths:
            return
        self._watched_paths[path] = 1  # (a watched path also makes the server inject the reload script)
        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = self._touch  # type: ignore[method-assign]
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def _touch(self, event: Any) -> None:
        if event.is_directory or event.event_type not in _WRITES:
            return
        with self._touched_lock:
            self._touched.add(Path(os.fsdecode(event.src_path)))
            if getattr(event, "dest_path", None):
                self._touched.add(Path(os.fsdecode(event.dest_path)))
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def _refresh_changed(self) -> None:
        with self._touched_lock:
            touched, self._touched = self._touched, set()
        if self.refresh(touched):
            with self._epoch_cond:  # shown now: the browsers reload while the search index is written
                self._visible_epoch = self._wanted_epoch
                self._epoch_cond.notify_all()
            if self.after_refresh is not None:
                self.after_refresh()
        else:
            self._wanted_epoch = self._visible_epoch  # nothing new: the browsers keep their page
        if self.settle is not None:
            with self._rebuild_cond:
                busy = self._rebuild_cond.wait_for(lambda: self._want_rebuild or self._shutdown, timeout=SETTLE_AFTER)
            if not busy:
                self.settle()


class Preview:
    """The edition in memory, its preview site, and what to do with changed files."""

    def __init__(self, paths: Paths, url: str) -> None:
        self.paths = paths
        self.site = PreviewSite(paths.root / "mkdocs.yml", paths.build / SITE_FOLDER, url)
        self.edition: pipeline.Edition | None = None
        self.terms: list[Term] = []
        self.known: changes.Digests = {}
        self.pending: set[str] = set()  # reports whose downloads (TEI, edition.json, TMX) are not yet written

    def start(self) -> None:
        """The whole pipeline and a full MkDocs build of the preview site."""
        started = time.perf_counter()
        self.known = self._digests()
        self._run_pipeline()
        count = self.site.build()
        say(f"built the edition and {count} pages in {time.perf_counter() - started:.1f} s")

    def _digests(self) -> changes.Digests:
        return {file: changes.digest(file) for file in changes.inputs(self.paths)}

    def _run_pipeline(self) -> None:
        edition = pipeline.build(self.paths)
        self.edition = edition
        self.terms = list(edition.annotations.terms) if edition.annotations else []

    def refresh(self, touched: set[Path]) -> bool:
        """Update the site for the touched files; False if nothing changed, or the change failed."""
        assert self.edition is not None
        change = changes.classify(self.paths, touched, self.known, {r.slug for r in self.edition.reports})
        if change.empty():
            return False
        started = time.perf_counter()
        try:
            shown = self._full() if change.full else self._partial(change)
        except EditionError as err:
            say(f"error: {err}")
            say("the preview still shows the last good pages; save the file again once it is mended")
            return False
        except Exception as err:  # a page MkDocs cannot render (a hand-written page's bad Markdown, say)
            say(f"error: {type(err).__name__}: {err}")
            say("the preview still shows the last good pages")
            return False
        self.known.update({Path(self.paths.root / f): changes.digest(self.paths.root / f) for f in change.files})
        what = ", ".join(change.files[:3]) + (f" and {len(change.files) - 3} more" if len(change.files) > 3 else "")
        say(f"{what}: {shown} in {time.perf_counter() - started:.2f} s")
        return True

    def _partial(self, change: changes.Change) -> str:
        assert self.edition is not None
        written = set(change.pages)
        for slug in sorted(change.translations):
            written |= update_translation(self.edition, self.paths, self.terms, slug)
            self.pending.add(slug)
            po = self.paths.translations / self.paths.config.languages.target / f"{slug}.po"
            self.known[po] = changes.digest(po)  # the build may have synchronised it
        pages = [p for p in written if self.paths.docs in p.parents]
        urls = self.site.update(pages)
        return f"{len(urls)} pages updated ({', '.join(urls[:3]) or 'none'}{'…' if len(urls) > 3 else ''})"

    def write_index(self) -> None:
        started = time.perf_counter()
        try:
            self.site.write_index()
        except OSError as err:
            say(f"error: {err}")
            return
        say(f"search index written in {time.perf_counter() - started:.2f} s")

    def settle(self) -> None:
        """Write the downloads the edits since the last full run left behind, and copy them to the site."""
        if not self.pending or self.edition is None:
            return
        started = time.perf_counter()
        try:
            written = write_downloads(self.edition, self.paths, self.pending)
            self.site.update([p for p in written if self.paths.docs in p.parents])
        except (EditionError, OSError) as err:
            say(f"error: {err}")
            return
        self.pending.clear()
        say(f"downloads updated (TEI) in {time.perf_counter() - started:.2f} s")

    def _full(self) -> str:
        before = self._outputs()
        self._run_pipeline()
        self.pending.clear()
        after = self._outputs()
        self.known = self._digests()
        changed = [Path(p) for p in after if before.get(p) != after[p]]
        if before.keys() != after.keys() or any(self.paths.docs not in p.parents for p in changed):
            return f"whole site rebuilt ({self.site.build()} pages)"
        urls = self.site.update(changed)
        return f"edition rebuilt, {len(urls)} pages updated"

    def _outputs(self) -> dict[str, tuple[int, int]]:
        """(mtime, size) of every file of docs/ and of what MkDocs' configuration reads from build/."""
        files = [f for f in self.paths.docs.rglob("*") if f.is_file() and not changes.noise(f)]
        files += [self.paths.root / "mkdocs.yml", self.paths.build / "mkdocs-nav.yml", self.paths.jieba_dictionary]
        stamps = {}
        for file in files:
            try:
                status = file.stat()
            except FileNotFoundError:
                continue
            stamps[str(file)] = (status.st_mtime_ns, status.st_size)
        return stamps


def watched(paths: Paths) -> list[tuple[Path, bool]]:
    """(path, recursive): the project's folder itself (glossary, edition.yml, mkdocs.yml), the sources
    and catalog, the translations, the edition's templates, the hand-written pages."""
    folders = [paths.seeds, paths.catalog.parent, paths.translations, paths.templates, paths.docs]
    single = [(paths.root, False), *(((paths.config_file.parent, False),) if paths.config_file else ())]
    unique = dict.fromkeys(f for f in folders if f.is_dir() and f != paths.root)
    return [*single, *((f, True) for f in unique)]


def serve(paths: Paths, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Build, serve and keep up to date until interrupted (Ctrl-C, or SIGTERM)."""
    os.chdir(paths.root)  # mkdocs.yml names files relative to the folder MkDocs runs in (the jieba dictionary)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    url = f"http://{host}:{port}/"
    preview = Preview(paths, url)
    say(f"building the edition and its preview site in {paths.relative(preview.site.site_dir)}/ …")
    preview.start()
    server = PreviewServer(preview.refresh, host, port, preview.site.site_dir, after_refresh=preview.write_index,
                           settle=preview.settle)
    for folder, recursive in watched(paths):
        server.watch(str(folder), recursive=recursive)
    signal.signal(signal.SIGTERM, _interrupt)
    # Ctrl-C stops it even where the parent started it with SIGINT ignored (a test runner's workers do,
    # and a child inherits that): Python's own handler, which raises KeyboardInterrupt
    signal.signal(signal.SIGINT, signal.default_int_handler)
    shown = ", ".join(paths.relative(f) + "/" for f, recursive in watched(paths) if recursive)
    say(f"serving {url} (watching {shown}, the glossary and the configuration); "
        "Ctrl-C stops")
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        closed = _close(server, preview)
    say("stopped" if closed else "stopped (the server did not close within 10 s: ended)")
    if not closed:  # a request or plugin still holding on must not keep Ctrl-C from stopping the preview
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    return 0


def _close(server: PreviewServer, preview: Preview, timeout: float = 10.0) -> bool:
    """Shut the server down and close the site, within ``timeout``; whether that was done in time."""
    def close() -> None:
        server.shutdown()
        preview.site.close()

    closing = threading.Thread(target=close, daemon=True)
    closing.start()
    closing.join(timeout)
    return not closing.is_alive()


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt

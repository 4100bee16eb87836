"""Rich progress bars for long commands: shown on a terminal, silent otherwise.

`bars(enabled)` yields a `Bars` whose `task(name, total)` returns a callback taking the
count done so far; with `enabled=False` (not a terminal, `--json`) every callback does
nothing, so commands call them the same way in both cases.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from trackmon.cli.common import err_console

Advance = Callable[[int], None]


def interactive(as_json: bool = False) -> bool:
    """Progress is drawn on the error stream when it is a terminal and the output is not JSON."""
    return not as_json and err_console.is_terminal


class Bars:
    def __init__(self, progress: Any | None) -> None:
        self._progress = progress

    def task(self, description: str, total: int | None = None) -> Advance:
        if self._progress is None:
            return _nothing
        progress = self._progress
        task_id = progress.add_task(description, total=total)

        def advance(done: int, *, total: int | None = None) -> None:
            if total is not None:
                progress.update(task_id, total=total)
            progress.update(task_id, completed=done)

        return advance

    def finish(self) -> None:
        """Bars that never learnt their total end as complete at the count they reached."""
        if self._progress is None:
            return
        for task in self._progress.tasks:
            if task.total is None:
                self._progress.update(task.id, total=task.completed)


def _nothing(done: int, *, total: int | None = None) -> None:
    return None


@contextmanager
def bars(enabled: bool) -> Iterator[Bars]:
    if not enabled:
        yield Bars(None)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err_console, transient=False)
    with progress:
        yield Bars(progress)


__all__ = ["Advance", "Bars", "bars", "interactive"]

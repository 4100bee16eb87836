"""Bounded rendering of operator templates: time, loop iterations and output size.

Seller templates (`messaging.templates_dir`) run in Jinja's immutable sandbox, which stops
attribute tricks but not work: `{% for i in range(100000) %}{% for j in range(100000) %}`
or `{{ 'A' * 10**8 }}` would run for minutes or build a 100 MB subject. `BoundedEnvironment`
adds a budget per render, checked at every hook the sandbox has:

- `range()` yields at most `MAX_RANGE` items, and all loops over ranges of one render at
  most `MAX_ITERATIONS` in total;
- every attribute/item access, call, filter and operator checks the deadline
  (`MAX_RENDER_SECONDS`); `*`, `**` and `+` are intercepted and refused when their result
  would pass `MAX_OUTPUT_CHARS`; a string method or sizing filter given a number above that
  size is refused (`'x'.ljust(10**9)`, `center(10**9)`), as is a format width of 7 digits
  (`'%0999999999d' % 1`); a call or filter returning a longer string or list is refused;
- the output is produced chunk by chunk and stopped at `MAX_OUTPUT_CHARS`.

Anything past a bound raises `RenderLimitExceeded` (a `TemplateError`): the dispatcher fails
THAT message with the reason stored, and the others continue. Rendering is called from a
worker thread by the dispatcher, so the event loop (API, scheduler) never waits on it.
"""

from __future__ import annotations

import functools
import math
import re
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Template
from jinja2.environment import TemplateModule
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from trackmon.errors import TemplateError

MAX_RENDER_SECONDS = 2.0
MAX_OUTPUT_CHARS = 200_000
MAX_RANGE = 10_000
MAX_ITERATIONS = 100_000


class RenderLimitExceeded(TemplateError):
    """A template went past a rendering bound (time, iterations or size)."""


@dataclass
class Budget:
    deadline: float
    max_output: int = MAX_OUTPUT_CHARS
    max_iterations: int = MAX_ITERATIONS
    iterations: int = 0
    started: float = field(default_factory=time.monotonic)
    imported: list[Context] = field(default_factory=list)  # contexts of the modules imported with context

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise RenderLimitExceeded(
                f"template rendering went over the time limit of {self.deadline - self.started:.1f} s")

    def check_size(self, size: int, what: str = "a value") -> None:
        if size > self.max_output:
            raise RenderLimitExceeded(f"{what} of {size} characters or items is over the limit of {self.max_output}")

    def count(self, n: int = 1) -> None:
        self.iterations += n
        if self.iterations > self.max_iterations:
            raise RenderLimitExceeded(f"template loops went over the limit of {self.max_iterations} iterations")
        if self.iterations % 1000 == 0:
            self.check_time()


_BUDGET: ContextVar[Budget | None] = ContextVar("trackmon_render_budget", default=None)


def _budget() -> Budget | None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.check_time()
    return budget


def _sized(value: Any) -> int | None:
    return len(value) if isinstance(value, str | bytes | list | tuple | dict) else None


_WIDE = re.compile(r"[0-9]{7,}")
#: Filters whose numeric arguments set the size of what they produce.
_SIZING_FILTERS = frozenset({"center", "indent", "wordwrap", "batch", "slice"})


def _check_format(fmt: Any) -> None:
    if isinstance(fmt, str) and _WIDE.search(fmt):
        raise RenderLimitExceeded("a format width or precision of 7 digits or more is over the limit")


def _check_args(budget: Budget, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for arg in (*args, *kwargs.values()):
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > budget.max_output:
            raise RenderLimitExceeded(f"the number {arg} is over the limit of {budget.max_output} "
                                      "for an argument of a template call")


def _check_result(budget: Budget, result: Any) -> Any:
    size = _sized(result)
    if size is not None:
        budget.check_size(size, "a computed value")
    return result


class _CountedRange:
    def __init__(self, *args: int) -> None:
        self._range = range(*args)
        try:
            size = len(self._range)
        except OverflowError:
            size = MAX_RANGE + 1
        if size > MAX_RANGE:
            raise RenderLimitExceeded(f"range() of more than {MAX_RANGE} items is over the limit")

    def __len__(self) -> int:
        return len(self._range)

    def __iter__(self) -> Iterator[int]:
        for value in self._range:
            budget = _BUDGET.get()
            if budget is not None:
                budget.count()
            yield value


def bounded_range(*args: int) -> _CountedRange:
    return _CountedRange(*args)


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        if budget is None:
            return func(*args, **kwargs)
        if name in _SIZING_FILTERS:
            _check_args(budget, args, kwargs)
        elif name == "format":
            _check_format(next((a for a in args if isinstance(a, str)), None))
        return _check_result(budget, func(*args, **kwargs))

    if hasattr(func, "jinja_pass_arg"):
        wrapper.jinja_pass_arg = func.jinja_pass_arg  # type: ignore[attr-defined]
    return wrapper


class BoundedTemplate(Template):
    """A template whose modules imported with context (`{% import "_parts.j2" as p with context %}`:
    one per render) are let go with the render that imported them. Such a module's macros and
    its context refer to each other, so without help only the cyclic garbage collector frees
    them (some 50 objects a render); `bounded_chunks` empties their contexts when the render
    ends, and reference counting frees the rest at once."""

    def make_module(self, vars: dict[str, Any] | None = None, shared: bool = False,
                    locals: Any = None) -> TemplateModule:
        ctx = self.new_context(vars, shared, locals)
        budget = _BUDGET.get()
        if shared and budget is not None:  # shared: the import of a render's own context
            budget.imported.append(ctx)
        return TemplateModule(self, ctx)


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The immutable sandbox with a per-render budget (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    template_class = BoundedTemplate

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.globals["range"] = bounded_range
        self.globals.pop("lipsum", None)  # generates text of any size
        self.filters = _BoundedFilters(self.filters)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        budget = _budget()
        if budget is not None:
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    size = _sized(seq)
                    if size is not None and isinstance(times, int):
                        budget.check_size(size * max(times, 0), "a repeated value")
            elif operator == "**" and isinstance(left, int | float) and isinstance(right, int | float):
                if abs(left) > 1 and right > 0 and right * math.log2(abs(left)) > 4096:
                    raise RenderLimitExceeded(f"{left} ** {right} is too large a number")
            elif operator == "%":
                _check_format(left)
            elif operator == "+":
                a, b = _sized(left), _sized(right)
                if a is not None and b is not None:
                    budget.check_size(a + b, "a joined value")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        if budget is None:
            return super().call(__context, __obj, *args, **kwargs)
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)  # str.format comes wrapped
        if isinstance(owner, str):  # 'x'.ljust(10**9), '{:>999999999}'.format(1)
            _check_args(budget, args, kwargs)
            _check_format(owner)
        return _check_result(budget, super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        _budget()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _budget()
        return super().getitem(obj, argument)


class _BoundedFilters(dict):
    """The filter table; every filter, built-in or added later, is wrapped with the budget."""

    def __init__(self, filters: dict[str, Any]) -> None:
        super().__init__({name: _bounded_filter(name, f) for name, f in filters.items()})

    def __setitem__(self, name: str, func: Any) -> None:
        super().__setitem__(name, _bounded_filter(name, func))


def bounded_chunks(template: Template, context: dict[str, Any], *, seconds: float = MAX_RENDER_SECONDS,
                   max_output: int = MAX_OUTPUT_CHARS) -> Iterator[str]:
    """`template`'s output chunk by chunk within the bounds (`RenderLimitExceeded` names the
    one passed). The budget is this render's while each chunk is made, so two renders may be
    read side by side (a comparison stops at the first difference) and one left unfinished."""
    budget = Budget(deadline=time.monotonic() + seconds, max_output=max_output)
    chunks = template.generate(context)
    size = 0
    try:
        while True:
            token = _BUDGET.set(budget)
            try:
                chunk = next(chunks, None)
            finally:
                _BUDGET.reset(token)
            if chunk is None:
                return
            size += len(chunk)
            budget.check_size(size, "the rendered text")
            budget.check_time()
            yield chunk
    finally:
        chunks.close()
        for ctx in budget.imported:  # the render is over: nothing calls its modules' macros again
            ctx.vars.clear()


def render_bounded(template: Template, context: dict[str, Any], *, seconds: float = MAX_RENDER_SECONDS,
                   max_output: int = MAX_OUTPUT_CHARS) -> str:
    """Render `template` within the bounds; `RenderLimitExceeded` names the one passed."""
    return "".join(bounded_chunks(template, context, seconds=seconds, max_output=max_output))

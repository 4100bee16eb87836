"""Rendering buyer messages: Jinja2 sandbox, strict undefined, seller overrides file by file.

Template names are relative to a root: `<lang>/<kind>.subject.j2`, `<lang>/<kind>.txt.j2`,
optionally `<lang>/<kind>.html.j2`, and `layout.html.j2` (the HTML frame that turns the
plain text into paragraphs when a kind has no HTML template of its own; a language may have
its own `<lang>/layout.html.j2`). A seller's
`messaging.templates_dir` is searched first, then the built-in language folders
(`trackmon.locales`: the one list of languages). A template imports its language's shared
parts by bare name (`{% import "_parts.j2" as p with context %}`): the environment resolves
it in the importing template's folder. A buyer language without a folder gets English.

Filters: `date` (CLDR long date in the message's language, via Babel), `plural` (a counted
noun of the language's `locale.toml` by its CLDR plural rule), `paragraphs` (text → HTML).

`Renderer.validate()` runs at start-up: every language complete (`Catalog.check`), every
template must parse, use only known context variables, and render with sample data;
otherwise `TemplateError` names the file and line.

Each template is read, parsed and compiled once per process (by `validate`; no reload check
on later renders), and which file serves a (kind, part, language) is looked up once.
`render()` makes the whole message (subject, text, HTML) when it is sent; `render_text()`
only its text, and `text_pieces()` that text as it is rendered, which is what the planner
compares with the order's previous message (`text_stream.same_text`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import CodeType, TracebackType
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateNotFound,
    TemplateSyntaxError,
    nodes,
    pass_context,
)
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context
from markupsafe import Markup, escape

from trackmon.errors import ConfigError, TemplateError
from trackmon.locales import MESSAGES_DIR, REFERENCE, Catalog, catalog, format_date, plural
from trackmon.messaging.kinds import ALL_KINDS
from trackmon.messaging.sandbox import BoundedEnvironment, bounded_chunks
from trackmon.messaging.text_stream import normalized
from trackmon.settings import Settings

FALLBACK_LANGUAGE = REFERENCE
LAYOUT = "layout.html.j2"
PARTS = ("subject", "txt", "html")
_URL = re.compile(r"https?://[^\s<>\"']+")


def builtin_dir() -> Path:
    return MESSAGES_DIR


class _ParsedOnceLoader(ChoiceLoader):
    """The search path (override folder first); a template that `Renderer.validate` already
    parsed and compiled is taken from it, not read and parsed a second time."""

    def __init__(self, loaders: list[BaseLoader]) -> None:
        super().__init__(loaders)
        self.compiled: dict[str, tuple[CodeType, Callable[[], bool] | None]] = {}

    def load(self, environment: Environment, name: str,
             globals: MutableMapping[str, Any] | None = None) -> Template:
        ready = self.compiled.pop(name, None)
        if ready is None:
            return super().load(environment, name, globals)
        code, uptodate = ready  # what BaseLoader.load makes of the same source
        return environment.template_class.from_code(environment, code, globals or {}, uptodate)


_COMPILING = threading.local()  # the names read by the template this thread compiled last


class _ReadsNoting(CodeGenerator):
    """Jinja's code generator (the same code), noting while it compiles the names a template
    reads from its context: what `jinja2.meta.find_undeclared_variables` finds in a second pass."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reads: set[str] = set()
        _COMPILING.reads = self.reads

    def enter_frame(self, frame: Frame) -> None:
        super().enter_frame(frame)
        for action, param in frame.symbols.loads.values():
            if action == "resolve" and param not in self.environment.globals:
                self.reads.add(param)


class _LanguageEnvironment(BoundedEnvironment):
    """Resolves a bare name a language's template imports (`_parts.j2`) in that language's
    folder: `it/shipped.txt.j2` importing `_parts.j2` gets `it/_parts.j2`."""

    code_generator_class = _ReadsNoting

    def join_path(self, template: str, parent: str) -> str:
        if "/" not in template and "/" in parent:
            return f"{parent.split('/', 1)[0]}/{template}"
        return template

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as one plain dict, not Jinja's `ChainMap` over the environment's:
        every render and every `{% import %}` copies them into a new context, and a `ChainMap`
        is iterated key by key in Python. The same names and values: the environment's globals
        are set once, before any template is loaded (`BoundedEnvironment.__init__`)."""
        return {**self.globals, **(d or {})}


@pass_context
def _date_filter(ctx: Context, value: Any) -> str:
    language = str(ctx.get("language", FALLBACK_LANGUAGE))
    if isinstance(value, str):  # context dates are ISO strings: a few hundred distinct ones
        return _formatted_date(value, language)
    return format_date(value, language)


@lru_cache(maxsize=4096)
def _formatted_date(value: str, language: str) -> str:
    """`format_date` of an ISO date string (CLDR formatting is pure: kept per process)."""
    return format_date(value, language)


def paragraphs(text: str) -> Markup:
    """Plain text → HTML paragraphs; escapes everything, links URLs, keeps line breaks."""
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    html = []
    for block in blocks:
        pieces, last = [], 0
        for m in _URL.finditer(block):
            pieces.append(str(escape(block[last:m.start()])))
            url = str(escape(m.group(0)))
            pieces.append(f'<a href="{url}">{url}</a>')
            last = m.end()
        pieces.append(str(escape(block[last:])))
        html.append("<p>" + "".join(pieces).replace("\n", "<br>\n") + "</p>")
    return Markup("\n".join(html))


@dataclass(frozen=True, slots=True)
class Rendered:
    subject: str
    text: str
    html: str
    language: str  # the language actually used (after fallback)


def _template_line(tb: TracebackType | None, fallback: str) -> tuple[str, int | None]:
    """The innermost template frame of a render traceback: (file, line)."""
    found: tuple[str, int | None] = (fallback, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


class Renderer:
    """Templates of one configuration (built-ins + optional override folder)."""

    def __init__(self, templates_dir: str | Path | None = None, languages: Catalog | None = None) -> None:
        self.catalog = languages or catalog()
        self.override_dir = Path(templates_dir).expanduser() if templates_dir else None
        if self.override_dir is not None and not self.override_dir.is_dir():
            raise TemplateError("messaging.templates_dir is not a folder", path=str(self.override_dir))
        roots = [str(self.override_dir)] if self.override_dir else []
        roots.append(str(self.catalog.root))
        self._loaders = [FileSystemLoader(r, encoding="utf-8") for r in roots]
        self._loader = _ParsedOnceLoader(list(self._loaders))
        self.env = _LanguageEnvironment(
            loader=self._loader,
            undefined=StrictUndefined,
            autoescape=lambda name: bool(name and name.endswith(".html.j2")),
            keep_trailing_newline=False,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # compiled once per process: no stat of the file on every render
            cache_size=-1,      # every template stays compiled (a few hundred files at most)
        )
        self.env.filters["date"] = _date_filter
        self.env.filters["paragraphs"] = paragraphs
        self.env.filters["plural"] = self._plural_filter
        self._names: list[str] | None = None
        self._name_set: frozenset[str] | None = None
        self._picked: dict[tuple[str, str, str], str | None] = {}

    # -- discovery -------------------------------------------------------------------------
    def template_names(self) -> list[str]:
        """Every template file (listed once: templates are read and validated at start-up)."""
        if self._names is None:
            self._names = sorted(n for n in self.env.list_templates() if n.endswith(".j2"))
        return list(self._names)

    def languages(self) -> list[str]:
        """The language folders (discovered by `trackmon.locales`), English first."""
        return self.catalog.codes

    @pass_context
    def _plural_filter(self, ctx: Context, count: Any, noun: str) -> str:
        """`{{ days|plural("day") }}`: the form of a counted noun of locale.toml for `count`
        by the language's CLDR plural rule (`1 giorno`, `2 dni`, `5 dni`)."""
        lang = self.catalog.get(str(ctx.get("language", FALLBACK_LANGUAGE)))
        forms = lang.table("plurals").get(noun)
        if not isinstance(forms, dict):
            raise TemplateError(f"{lang.code}: no plural forms of {noun!r} in locale.toml",
                                path=str(lang.folder / "locale.toml"))
        return plural(count, forms, lang.code)

    def kinds(self, language: str = FALLBACK_LANGUAGE) -> list[str]:
        prefix = f"{language}/"
        found = {n[len(prefix):].split(".", 1)[0] for n in self.template_names() if n.startswith(prefix)}
        return sorted(found)

    def source_of(self, name: str) -> str:
        """Where a template comes from (the override folder wins)."""
        for loader in self._loaders:
            try:
                _, filename, _ = loader.get_source(self.env, name)
            except TemplateNotFound:
                continue
            return filename
        raise TemplateNotFound(name)

    def resolve_language(self, language: str | None) -> str:
        return self.catalog.resolve(language)

    # -- rendering -------------------------------------------------------------------------
    def _pick(self, kind: str, part: str, language: str) -> str | None:
        """The template of a part (`<language>/…`, else English), looked up once per process."""
        key = (kind, part, language)
        if key not in self._picked:
            self._picked[key] = self._find(kind, part, language)
        return self._picked[key]

    def _find(self, kind: str, part: str, language: str) -> str | None:
        for lang in dict.fromkeys((language, FALLBACK_LANGUAGE)):
            name = f"{lang}/{kind}.{part}.j2"
            try:
                self.source_of(name)
            except TemplateNotFound:
                continue
            return name
        return None

    def _layout(self, language: str) -> str:
        """The HTML frame: the language's own `<lang>/layout.html.j2` (a right-to-left script
        needs `dir="rtl"`) when it has one, else the shared `layout.html.j2`."""
        own = f"{language}/{LAYOUT}"
        if self._name_set is None:
            self._name_set = frozenset(self.template_names())
        return own if own in self._name_set else LAYOUT

    def _render_one(self, name: str, context: dict[str, Any]) -> str:
        return "".join(self._chunks(name, context))

    def _chunks(self, name: str, context: dict[str, Any]) -> Iterator[str]:
        """A template's output as it is rendered (a failure raised as `TemplateError`)."""
        try:
            yield from bounded_chunks(self.env.get_template(name), context)
        except TemplateSyntaxError as exc:
            raise TemplateError(exc.message or str(exc), path=exc.filename or self.source_of(name),
                                line=exc.lineno) from None
        except Exception as exc:  # UndefinedError, SecurityError, a filter's ValueError
            path, line = _template_line(exc.__traceback__, self.source_of(name))
            raise TemplateError(f"{type(exc).__name__}: {exc}", path=path, line=line) from None

    def _names_of(self, kind: str, language: str | None) -> tuple[str, dict[str, str], str, str]:
        """(language used, template context, subject template, text template) of a message."""
        lang = self.resolve_language(language)
        subject_name = self._pick(kind, "subject", lang)
        text_name = self._pick(kind, "txt", lang)
        if subject_name is None or text_name is None:
            raise TemplateError(f"no template for message kind '{kind}' "
                                f"(looked for {lang}/{kind}.subject.j2 and {lang}/{kind}.txt.j2)")
        return lang, {"language": lang, "kind": kind}, subject_name, text_name

    def _text(self, name: str, ctx: dict[str, Any]) -> str:
        return "".join(normalized([self._render_one(name, ctx)]))

    def render_text(self, kind: str, language: str | None, context: dict[str, Any]) -> str:
        """The plain-text part of `render(kind, language, context)` alone; the same text,
        without the subject and HTML."""
        return "".join(self.text_pieces(kind, language, context))

    def text_pieces(self, kind: str, language: str | None, context: dict[str, Any]) -> Iterator[str]:
        """`render_text(kind, language, context)` piece by piece as it is rendered (what the
        planner compares with the previous message, up to the first difference)."""
        _, extra, _, text_name = self._names_of(kind, language)
        return normalized(self._chunks(text_name, {**context, **extra}))

    def render(self, kind: str, language: str | None, context: dict[str, Any]) -> Rendered:
        lang, extra, subject_name, text_name = self._names_of(kind, language)
        ctx = {**context, **extra}
        subject = " ".join(self._render_one(subject_name, ctx).split())  # one line, no CR/LF
        text = self._text(text_name, ctx)
        html_name = self._pick(kind, "html", lang) or self._layout(lang)
        html = self._render_one(html_name, {**ctx, "subject": subject, "body": text})
        return Rendered(subject=subject, text=text, html=html, language=lang)

    # -- start-up validation ---------------------------------------------------------------
    def validate(self, known_variables: frozenset[str],
                 samples: Callable[[str], list[dict[str, Any]]],
                 kinds: tuple[str, ...] = ALL_KINDS) -> int:
        """Every language complete; parse, check variables, and sample-render every template;
        returns how many templates were checked."""
        self.catalog.check(kinds)
        if self.override_dir is not None:
            for folder in sorted(p for p in self.override_dir.iterdir() if p.is_dir()):
                if folder.name not in self.catalog and not folder.name.startswith((".", "_")):
                    raise TemplateError(f"{folder.name!r} is not a language of trackmon "
                                        f"({', '.join(self.languages())}); a new language is a folder "
                                        f"messages/{folder.name}/ (see CONTRIBUTING.md)", path=str(folder))
        allowed = known_variables | {"language", "kind", "subject", "body"} | set(self.env.globals)
        names = self.template_names()
        for name in names:
            source, filename, uptodate = self._loader.get_source(self.env, name)
            try:
                ast = self.env.parse(source, name, filename)
                code = self.env.compile(ast, name, filename)  # kept: the first render needs no parse
            except TemplateSyntaxError as exc:
                raise TemplateError(exc.message or "syntax error", path=exc.filename or filename,
                                    line=exc.lineno) from None
            self._loader.compiled[name] = (code, uptodate)
            unknown = _COMPILING.reads - allowed
            if unknown:
                var = sorted(unknown)[0]
                line = next((n.lineno for n in ast.find_all(nodes.Name) if n.name == var), None)
                raise TemplateError(f"unknown variable {var!r} (known: {', '.join(sorted(known_variables))})",
                                    path=filename, line=line)
        if LAYOUT not in names:
            raise TemplateError(f"the HTML frame {LAYOUT} is missing", path=str(self.catalog.root))
        for kind in kinds:
            if self._pick(kind, "subject", FALLBACK_LANGUAGE) is None or \
                    self._pick(kind, "txt", FALLBACK_LANGUAGE) is None:
                raise TemplateError(f"message kind '{kind}' has no English subject/text template",
                                    path=str(self.catalog.root / FALLBACK_LANGUAGE))
        for kind in kinds:
            contexts = samples(kind)
            for lang in self.languages():
                for ctx in contexts:
                    self.render(kind, lang, ctx)
        return len(names)


@lru_cache(maxsize=8)
def _cached(templates_dir: str | None, kinds: tuple[str, ...]) -> Renderer:
    from trackmon.messaging.context import CONTEXT_KEYS, sample_contexts
    renderer = Renderer(templates_dir)
    renderer.validate(CONTEXT_KEYS, sample_contexts, kinds)
    return renderer


def load_renderer(settings: Settings) -> Renderer:
    """The validated renderer of these settings (validated once per configuration)."""
    unknown = [k for k in settings.messaging.enabled_kinds if k not in ALL_KINDS]
    if unknown:
        raise ConfigError(f"messaging.enabled_kinds: unknown kind(s) {', '.join(unknown)}; "
                          f"known: {', '.join(ALL_KINDS)}", key="messaging.enabled_kinds")
    kinds = tuple(settings.messaging.enabled_kinds)
    return _cached(settings.messaging.templates_dir, kinds)

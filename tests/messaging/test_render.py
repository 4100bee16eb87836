"""Templates: every language renders every kind; overrides; broken templates refused at start-up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.messaging.conftest import make_settings
from trackmon.errors import ConfigError, TemplateError
from trackmon.locales import format_date
from trackmon.messaging.context import CONTEXT_KEYS, sample_contexts
from trackmon.messaging.kinds import ALL_KINDS
from trackmon.messaging.render import Renderer, load_renderer, paragraphs

BUILTIN = Renderer()


def test_builtin_languages_cover_required_set() -> None:
    assert {"en", "ru", "es"} <= set(BUILTIN.languages())


@pytest.mark.parametrize("language", BUILTIN.languages())
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_each_language_renders_every_kind(language: str, kind: str) -> None:
    assert kind in BUILTIN.kinds(language), f"{language}/{kind} missing (would fall back to English)"
    for ctx in sample_contexts(kind):
        out = BUILTIN.render(kind, language, ctx)
        assert out.language == language
        assert out.subject and "\n" not in out.subject and out.subject == out.subject.strip()
        assert not out.subject.isupper()
        assert ctx["order_id"] in out.text or ctx["tracking_number"] in out.text
        assert "\n\n\n" not in out.text and "{{" not in out.text and "{%" not in out.text
        assert out.html.count("<p>") >= 3 and f'lang="{language}"' in out.html


def test_shipped_lists_every_number_link_and_window() -> None:
    ctx = sample_contexts("shipped")[0]
    out = BUILTIN.render("shipped", "en", ctx)
    for t in ctx["tracking_numbers"]:
        assert t["number"] in out.text and t["url"] in out.text
    assert "12 to 25 days" in out.text and "November 27, 2026" in out.text
    assert "11.11" in out.text  # peak season explained


def test_unknown_language_falls_back_to_english() -> None:
    out = BUILTIN.render("delivered", "ja-JP", sample_contexts("delivered")[0])
    assert out.language == "en" and out.subject.startswith("Your order")
    assert BUILTIN.render("delivered", "ru_RU", sample_contexts("delivered")[0]).language == "ru"


def test_dates_are_cldr_long_dates_of_the_language() -> None:
    # Russian names its own pattern (locale.toml [dates]): CLDR's long date ends in "г."
    assert format_date("2026-11-27", "ru") == "27 ноября 2026"
    assert format_date("2026-11-27", "en") == "November 27, 2026"
    assert format_date("2026-11-27", "es") == "27 de noviembre de 2026"
    assert format_date("2026-11-27", "it") == "27 novembre 2026"
    assert format_date("2026-11-27", "pl") == "27 listopada 2026"
    assert format_date("2026-11-27", "xx") == "November 27, 2026"


def test_html_escapes_buyer_data_and_links_urls() -> None:
    ctx = {**sample_contexts("delivered")[0], "buyer_name": "<script>alert(1)</script>"}
    out = BUILTIN.render("delivered", "en", ctx)
    assert "<script>" not in out.html and "&lt;script&gt;" in out.html
    assert str(paragraphs("see https://x.test/a?b=1&c=2")).count('<a href="https://x.test/a?b=1&amp;c=2">') == 1


def test_override_replaces_one_file_only(tmp_path: Path) -> None:
    (tmp_path / "ru").mkdir()
    (tmp_path / "ru" / "shipped.subject.j2").write_text("Заказ {{ order_id }} уже в пути к вам\n")
    renderer = Renderer(tmp_path)
    renderer.validate(CONTEXT_KEYS, sample_contexts)
    out = renderer.render("shipped", "ru", sample_contexts("shipped")[0])
    assert out.subject == "Заказ 8123456789 уже в пути к вам"
    assert "Хорошая новость" in out.text  # the text is still the built-in one


def _broken(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body)
    return path


def test_syntax_error_refused_naming_file_and_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, "en/delivered.txt.j2", "Hello,\n\nYour order {{ order_id }\n")
    with pytest.raises(TemplateError) as info:
        Renderer(tmp_path).validate(CONTEXT_KEYS, sample_contexts)
    assert info.value.path == str(path) and info.value.line == 3
    assert f"{path}:3:" in str(info.value)


def test_variable_typo_refused_naming_file_and_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, "es/stalled.txt.j2", "Hola,\n\nPedido {{ order_id }}\n\n{{ tracking_nubmer }}\n")
    with pytest.raises(TemplateError) as info:
        Renderer(tmp_path).validate(CONTEXT_KEYS, sample_contexts)
    assert info.value.path == str(path) and info.value.line == 5
    assert "tracking_nubmer" in str(info.value)


def test_attribute_typo_caught_by_sample_render(tmp_path: Path) -> None:
    _broken(tmp_path, "en/split_package.txt.j2",
            "Hi\n\n{% for t in tracking_numbers %}\n{{ t.numbr }}\n{% endfor %}\n")
    with pytest.raises(TemplateError) as info:
        Renderer(tmp_path).validate(CONTEXT_KEYS, sample_contexts)
    assert info.value.path and info.value.path.endswith("en/split_package.txt.j2")
    assert info.value.line == 4


def test_sandbox_refuses_unsafe_access(tmp_path: Path) -> None:
    _broken(tmp_path, "en/delivered.txt.j2", "{{ order_id.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(TemplateError, match=r"SecurityError|unsafe"):
        Renderer(tmp_path).validate(CONTEXT_KEYS, sample_contexts)


def test_load_renderer_refuses_broken_dir_at_start_up(tmp_path: Path) -> None:
    _broken(tmp_path, "ru/delivered.subject.j2", "{% if order_id %}Заказ доставлен\n")
    with pytest.raises(TemplateError, match=r"delivered.subject.j2:1"):
        load_renderer(make_settings(templates_dir=str(tmp_path)))
    with pytest.raises(TemplateError, match="not a folder"):
        load_renderer(make_settings(templates_dir=str(tmp_path / "missing")))
    with pytest.raises(ConfigError, match="unknown kind"):
        load_renderer(make_settings(enabled_kinds=["shipped", "shiped"]))


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "1 décembre 2026"), ("pt", "1 de dezembro de 2026"), ("en", "December 1, 2026"),
    ("de", "1. Dezember 2026"), ("pl", "1 grudnia 2026"),
])
def test_first_of_the_month_is_cldrs(lang, expected):
    from datetime import date

    assert format_date(date(2026, 12, 1), lang) == expected
    assert "21" in format_date(date(2026, 12, 21), lang)


def test_tracking_link_speaks_the_buyers_language():
    from trackmon.messaging.context import tracking_link
    from trackmon.settings import load
    settings = load(env={})
    assert tracking_link(settings, "RB123456785CN", "ru") == "https://t.17track.net/ru#nums=RB123456785CN"
    assert tracking_link(settings, "RB123456785CN", "pt-BR") == "https://t.17track.net/pt#nums=RB123456785CN"
    assert tracking_link(settings, "RB123456785CN", None) == "https://t.17track.net/en#nums=RB123456785CN"


def test_render_text_is_the_text_of_render() -> None:
    for kind in ALL_KINDS:
        for language in [*BUILTIN.languages(), "pt-BR", "xx", None]:
            for ctx in sample_contexts(kind):
                assert BUILTIN.render_text(kind, language, ctx) == BUILTIN.render(kind, language, ctx).text


def test_validated_templates_are_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Templates are read, parsed and compiled once per process (at validation); a render
    neither reads a file nor looks one up on disk."""
    from jinja2 import FileSystemLoader

    (tmp_path / "ru").mkdir()
    (tmp_path / "ru" / "shipped.subject.j2").write_text("Заказ {{ order_id }} уже в пути к вам\n")
    renderer = Renderer(tmp_path)
    renderer.validate(CONTEXT_KEYS, sample_contexts)

    def no_disk(*args: object, **kwargs: object) -> None:
        raise AssertionError("a template was read from disk after validation")

    monkeypatch.setattr(FileSystemLoader, "get_source", no_disk)
    out = renderer.render("shipped", "ru", sample_contexts("shipped")[0])
    assert out.subject == "Заказ 8123456789 уже в пути к вам" and "Хорошая новость" in out.text
    assert renderer.render_text("lost", "de", sample_contexts("lost")[0]).startswith("Hallo")


def test_names_noted_while_compiling_are_jinjas_undeclared_variables() -> None:
    """Validation checks the names a template reads as it compiles it (one pass); they are
    the names `jinja2.meta.find_undeclared_variables` finds, and the code is Jinja's own."""
    from jinja2 import meta
    from jinja2.compiler import CodeGenerator

    from trackmon.messaging import render as render_module

    renderer = Renderer()
    env = renderer.env
    for name in renderer.template_names():
        source, filename, _ = renderer._loader.get_source(env, name)
        code = env.compile(env.parse(source, name, filename), name, filename, raw=True)
        assert render_module._COMPILING.reads == meta.find_undeclared_variables(env.parse(source, name, filename))
        env.code_generator_class = CodeGenerator  # type: ignore[misc]
        try:
            assert code == env.compile(source, name, filename, raw=True)
        finally:
            del env.code_generator_class


def test_the_daemons_warm_up_validates_the_templates_and_builds_the_classifier(tmp_path: Path) -> None:
    """`trackmon run` calls `warm_up` before its first cycle: a template typo stops it there."""
    from trackmon.classify.engine import index_for
    from trackmon.warm_up import warm_up

    index_for.cache_clear()
    figures = warm_up(make_settings())
    assert set(figures) == {"templates_seconds", "classifier_seconds"} and index_for.cache_info().currsize >= 13
    _broken(tmp_path, "de/stalled.txt.j2", "Hallo {{ order_id }\n")
    with pytest.raises(TemplateError, match=r"stalled.txt.j2:1"):
        warm_up(make_settings(templates_dir=str(tmp_path)))


@pytest.mark.parametrize("language", sorted(BUILTIN.languages()))
def test_no_sentence_ends_with_a_doubled_stop(language: str) -> None:
    """A value ending in a stop (an abbreviation, a date format) before a sentence's own stop
    would write ".." to the buyer (Russian dates once ended "2026 г.." this way)."""
    for kind in ALL_KINDS:
        for ctx in sample_contexts(kind):
            out = BUILTIN.render(kind, language, ctx)
            for text in (out.subject, out.text):
                assert not re.search(r"(?<!\.)\.\.(?!\.)", text), f"{language}/{kind}: {text!r}"


def test_imported_parts_are_let_go_with_their_render() -> None:
    """A template that imports its language's parts with context makes a module per render,
    whose macros and context refer to each other. The render empties it when it ends (also a
    render a comparison leaves unfinished), so none of it is left to the cyclic garbage
    collector, and the texts are those of Jinja's own rendering."""
    import gc

    from trackmon.messaging.text_stream import same_text

    shipped, update = sample_contexts("shipped")[0], sample_contexts("on_its_way")[0]

    def compare_all(with_jinjas_own: bool) -> None:
        for language in BUILTIN.languages():
            text = BUILTIN.render_text("shipped", language, shipped)
            if with_jinjas_own:  # Jinja's own render leaves its module to the collector
                template = BUILTIN.env.get_template(f"{language}/shipped.txt.j2")
                assert text.strip() == re.sub(r"\n{3,}", "\n\n", template.render(
                    {**shipped, "language": language, "kind": "shipped"}).strip())
            assert same_text(BUILTIN.text_pieces("shipped", language, shipped), [text])
            assert not same_text(BUILTIN.text_pieces("shipped", language, shipped),
                                 BUILTIN.text_pieces("on_its_way", language, update))

    compare_all(with_jinjas_own=True)  # templates loaded, dates formatted: what stays for the process
    gc.collect()
    gc.disable()
    try:
        compare_all(with_jinjas_own=False)
        assert gc.collect() == 0
    finally:
        gc.enable()

"""A language is one folder: discovered, checked complete, dated and counted by CLDR.

The built-in folders are all checked; a throwaway folder made at test time is discovered
and checked the same way (a missing template, a missing word, a missing plural form), and
`trackmon run` refuses to start on an incomplete one, naming the file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import structlog
from typer.testing import CliRunner

from trackmon import locales
from trackmon.errors import TemplateError
from trackmon.locales import MESSAGES_DIR, Catalog, catalog, format_date, plural
from trackmon.messaging.context import CONTEXT_KEYS, sample_contexts
from trackmon.messaging.kinds import ALL_KINDS
from trackmon.messaging.render import Renderer


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    """A messages folder with English, the HTML frame and a Dutch folder copied from English."""
    out = tmp_path / "messages"
    out.mkdir()
    shutil.copy(MESSAGES_DIR / "layout.html.j2", out)
    shutil.copytree(MESSAGES_DIR / "en", out / "en")
    shutil.copytree(MESSAGES_DIR / "en", out / "nl")
    return out


def test_every_built_in_language_is_complete() -> None:
    assert catalog().problems(ALL_KINDS) == []
    assert catalog().check(ALL_KINDS) == len(locales.languages())
    assert {"en", "ru", "es", "pt", "fr", "de", "it", "pl"} <= set(locales.languages())
    assert locales.languages()[0] == "en"


@pytest.mark.parametrize("lang", locales.languages())
def test_every_language_has_every_kind_and_part(lang: str) -> None:
    folder = MESSAGES_DIR / lang
    for kind in ALL_KINDS:
        assert (folder / f"{kind}.subject.j2").is_file() and (folder / f"{kind}.txt.j2").is_file()
    assert (folder / "_parts.j2").is_file() and (folder / "locale.toml").is_file()


def test_messages_is_not_an_import_package() -> None:
    assert not (MESSAGES_DIR / "__init__.py").exists()
    assert not list(MESSAGES_DIR.rglob("*.py"))
    with pytest.raises(ModuleNotFoundError):
        __import__("messages.phrases")


def test_the_folders_ship_as_package_data_of_trackmon() -> None:
    """`pip install .` (checked by hand into a fresh venv: see docs/architecture.md, Languages)
    packs `trackmon/messages`, the link to the top-level folder, with its templates and words."""
    import tomllib

    repo = Path(__file__).resolve().parents[2]
    config = tomllib.loads((repo / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert config["packages"]["find"]["include"] == ["trackmon*", "carriers*"]
    assert {"*.j2", "*.toml"} <= set(config["package-data"]["*"])
    link = repo / "trackmon" / "messages"
    assert link.is_symlink() and link.resolve() == (repo / "messages").resolve() == MESSAGES_DIR.resolve()


def test_a_new_folder_is_discovered_rendered_and_dated_in_its_language(root: Path) -> None:
    (root / "nl" / "_parts.j2").write_text(
        (root / "nl" / "_parts.j2").read_text().replace("Hello", "Hallo"))
    langs = Catalog(root)
    assert langs.codes == ["en", "nl"] and langs.resolve("nl-BE") == "nl" and langs.resolve("it") == "en"
    renderer = Renderer(languages=langs)
    assert renderer.validate(CONTEXT_KEYS, sample_contexts) > 0
    out = renderer.render("shipped", "nl", sample_contexts("shipped")[0])
    assert out.language == "nl"
    assert out.text.startswith("Hallo")  # its own parts, imported by bare name
    assert "27 november 2026" in out.text  # Dutch CLDR date, no table written for it
    assert renderer.render("shipped", "en", sample_contexts("shipped")[0]).text.startswith("Hello")


def test_a_language_may_have_its_own_html_frame(root: Path) -> None:
    frame = (root / "layout.html.j2").read_text().replace('<html lang="{{ language }}">',
                                                          '<html lang="{{ language }}" dir="rtl">')
    (root / "nl" / "layout.html.j2").write_text(frame)
    renderer = Renderer(languages=Catalog(root))
    assert 'dir="rtl"' in renderer.render("delivered", "nl", sample_contexts("delivered")[0]).html
    assert 'dir="rtl"' not in renderer.render("delivered", "en", sample_contexts("delivered")[0]).html


def test_a_missing_template_is_named(root: Path) -> None:
    (root / "nl" / "lost.txt.j2").unlink()
    with pytest.raises(TemplateError, match=r"nl/lost\.txt\.j2: nl: missing lost\.txt\.j2"):
        Catalog(root).check(ALL_KINDS)
    with pytest.raises(TemplateError, match=r"nl/lost\.txt\.j2"):
        Renderer(languages=Catalog(root)).validate(CONTEXT_KEYS, sample_contexts)


def test_a_missing_word_an_unknown_word_and_a_missing_plural_form_are_named(root: Path) -> None:
    facts = root / "nl" / "locale.toml"
    text = facts.read_text()
    facts.write_text(text.replace('delivered = "The parcel was delivered"\n', ""))
    with pytest.raises(TemplateError, match=r"nl/locale\.toml: nl: locale\.toml lacks events\.delivered"):
        Catalog(root).check()
    facts.write_text(text.replace("[events]\n", '[events]\ndeliverd = "typo"\n'))
    with pytest.raises(TemplateError, match=r"has events\.deliverd, which en does not"):
        Catalog(root).check()
    facts.write_text(text)
    shutil.move(root / "nl", root / "pl")  # Polish counts one / few / many
    with pytest.raises(TemplateError, match=r"pl: locale\.toml plurals\.day lacks the CLDR plural form\(s\) few, many"):
        Catalog(root).check()


def test_a_folder_that_is_not_a_language_is_refused(root: Path) -> None:
    shutil.copytree(root / "nl", root / "dutch")
    with pytest.raises(TemplateError, match="'dutch' is not a language code CLDR knows"):
        Catalog(root).check()


def test_english_missing_a_kind_is_named(root: Path) -> None:
    for lang in ("en", "nl"):
        (root / lang / "late.subject.j2").unlink()
    with pytest.raises(TemplateError, match=r"en: message kind 'late' has no late\.subject\.j2"):
        Catalog(root).check(ALL_KINDS)


def test_seller_override_folder_for_an_unknown_language_is_refused(tmp_path: Path) -> None:
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "shipped.subject.j2").write_text("x\n")
    with pytest.raises(TemplateError, match="'xx' is not a language of trackmon"):
        Renderer(tmp_path).validate(CONTEXT_KEYS, sample_contexts)


@pytest.mark.parametrize(("lang", "counts"), [
    ("en", {1: "day", 2: "days", 5: "days", 0: "days"}),
    ("it", {1: "giorno", 2: "giorni", 5: "giorni", 0: "giorni"}),
    ("pl", {1: "dzień", 2: "dni", 4: "dni", 5: "dni", 22: "dni", 0: "dni"}),
    ("ru", {1: "день", 2: "дня", 5: "дней", 21: "день", 22: "дня", 11: "дней"}),
    ("fr", {0: "jour", 1: "jour", 2: "jours"}),
])
def test_counted_days_follow_cldr_plural_rules(lang: str, counts: dict[int, str]) -> None:
    forms = catalog().get(lang).table("plurals")["day"]
    for n, word in counts.items():
        assert plural(n, forms, lang) == word, (lang, n)


def test_dates_come_from_cldr() -> None:
    assert format_date("2026-03-05", "it") == "5 marzo 2026"
    assert format_date("2026-03-05", "pl") == "5 marca 2026"  # genitive month, as CLDR writes it
    assert format_date("2026-03-05", "de") == "5. März 2026"
    assert format_date(None, "pl") == ""


def test_run_refuses_to_start_on_an_incomplete_language(root: Path, tmp_path: Path, monkeypatch) -> None:
    from trackmon.cli import app

    (root / "nl" / "stalled.subject.j2").unlink()
    monkeypatch.setattr(locales, "catalog", lambda: Catalog(root))
    monkeypatch.setenv("TRACKMON_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    monkeypatch.setenv("TRACKMON_MESSAGING_FILE_DIR", str(tmp_path / "outbox"))
    monkeypatch.delenv("TRACKMON_CONFIG", raising=False)
    try:
        result = CliRunner().invoke(app, ["run", "--once"])
    finally:
        structlog.reset_defaults()
    assert result.exit_code == 7, result.output
    assert "nl/stalled.subject.j2" in result.output and "missing stalled.subject.j2" in result.output
    assert not (tmp_path / "x.db").exists()  # refused before anything was opened


def test_run_refuses_a_default_language_without_a_folder(tmp_path: Path, monkeypatch) -> None:
    from trackmon.cli import app

    monkeypatch.setenv("TRACKMON_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    monkeypatch.setenv("TRACKMON_MESSAGING_DEFAULT_LANGUAGE", "nl")
    monkeypatch.delenv("TRACKMON_CONFIG", raising=False)
    try:
        result = CliRunner().invoke(app, ["run", "--once"])
    finally:
        structlog.reset_defaults()
    assert result.exit_code == 6, result.output
    assert "messaging.default_language 'nl' has no language folder" in result.output

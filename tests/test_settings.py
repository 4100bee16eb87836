from __future__ import annotations

import pytest

from trackmon import settings
from trackmon.errors import ConfigError


def test_env_names_are_the_contract():
    s = settings.load(env={
        "TRACKMON_DATABASE_URL": "postgresql://db/x",
        "TRACKMON_17TRACK_API_KEY": "k17",
        "TRACKMON_17TRACK_BASE_URL": "http://127.0.0.1:9/track/v2.2",
        "TRACKMON_AFTERSHIP_API_KEY": "ka",
        "TRACKMON_DHL_API_KEY": "kd",
        "TRACKMON_UPS_CLIENT_ID": "uid",
        "TRACKMON_UPS_CLIENT_SECRET": "usec",
        "TRACKMON_USPS_CLIENT_ID": "sid",
        "TRACKMON_FEDEX_CLIENT_SECRET": "fsec",
        "TRACKMON_FEDEX_BASE_URL": "http://127.0.0.1:9",
        "TRACKMON_SMTP_HOST": "mail.local",
        "TRACKMON_SMTP_PORT": "2525",
        "TRACKMON_SMTP_USERNAME": "u",
        "TRACKMON_SMTP_PASSWORD": "p",
        "TRACKMON_MAIL_FROM": "shop@example.com",
        "TRACKMON_TEST_POSTGRES_URL": "ignored",
    })
    assert s.database_url == "postgresql://db/x"
    assert s.carrier("17track").api_key.get_secret_value() == "k17"
    assert s.carrier("17track").base_url == "http://127.0.0.1:9/track/v2.2"
    assert s.carrier("aftership").has_api_key and s.carrier("dhl").has_api_key
    assert s.carrier("ups").has_oauth
    assert s.carrier("usps").client_id == "sid" and not s.carrier("usps").has_oauth
    assert s.carrier("fedex").base_url == "http://127.0.0.1:9"
    assert (s.smtp.host, s.smtp.port, s.smtp.username) == ("mail.local", 2525, "u")
    assert s.smtp.password.get_secret_value() == "p"
    assert s.smtp.mail_from == "shop@example.com"


def test_defaults_without_anything():
    s = settings.load(env={})
    assert s.database_url == "sqlite:///trackmon.db"
    assert s.detection.stalled_international_days == 10
    assert s.detection.stalled_destination_days == 7
    assert s.detection.not_picked_up_days == 5
    assert s.detection.customs_stall_days == 7


def test_toml_then_env(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('database_url = "sqlite:///a.db"\n[detection]\nnot_picked_up_days = 4\n'
                    '[carriers.17track]\napi_key = "from-file"\n')
    s = settings.load(path, env={"TRACKMON_17TRACK_API_KEY": "from-env"})
    assert s.database_url == "sqlite:///a.db"
    assert s.detection.not_picked_up_days == 4
    assert s.carrier("17track").api_key.get_secret_value() == "from-env"


@pytest.mark.parametrize(("content", "needle"), [
    ("[detection]\nnot_picked_up_days = 'soon'\n", "detection.not_picked_up_days"),
    ("[smtp]\nhots = 'x'\n", "smtp.hots"),
    ("[carriers.royalmail]\napi_key = 'x'\n", "royalmail"),
    ("this is = = not toml", "not valid TOML"),
])
def test_bad_config_names_the_key(tmp_path, content, needle):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as info:
        settings.load(path, env={})
    assert needle in str(info.value)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        settings.load(tmp_path / "nope.toml", env={})

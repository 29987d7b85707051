"""Settings: typed defaults, every problem named with its key, no passwords in the file."""
from __future__ import annotations

import pytest

from mailer.settings import DEFAULT_CONFIG, SettingsError, load_settings


def write(tmp_path, text: str):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_defaults_are_the_embedded_setup():
    s = load_settings(DEFAULT_CONFIG)
    assert s.mailbox.kind == "maildir" and s.outgoing.kind == "maildir"
    assert s.database_url.startswith("sqlite:///") and s.database_url.endswith("var/endorse.db")
    assert s.policy.verification == "confirm"


def test_every_problem_is_reported_with_its_key_before_connecting(tmp_path):
    path = write(tmp_path, '[statement]\naddress = "not an address"\n[mailbox]\nkind = "imap"\nport = "x"\n'
                           '[outgoing]\nkind = "pigeon"\n[policy]\nverification = "maybe"\n')
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    problems = "\n".join(caught.value.problems)
    for key in ("statement.title is missing", "statement.address", "mailbox.host is missing",
                "mailbox.user is missing", "mailbox.port", "outgoing.kind", "policy.verification"):
        assert key in problems


def test_a_password_in_the_file_is_refused(tmp_path):
    path = write(tmp_path, '[statement]\ntitle = "T"\naddress = "s@example.org"\n'
                           '[mailbox]\nkind = "imap"\nhost = "imap.example.org"\nuser = "u"\npassword = "hunter2"\n')
    with pytest.raises(SettingsError, match="mailbox.password must not be in the settings file"):
        load_settings(path)


def test_password_comes_from_the_named_environment_variable_or_file(tmp_path, monkeypatch):
    secret_file = tmp_path / "smtp-password"
    secret_file.write_text("from-file\n")
    path = write(tmp_path, '[statement]\ntitle = "T"\naddress = "s@example.org"\n'
                           '[mailbox]\nkind = "imap"\nhost = "imap.example.org"\nuser = "u"\n'
                           'password_env = "MY_IMAP_PW"\n'
                           f'[outgoing]\nkind = "smtp"\nhost = "smtp.example.org"\npassword_file = "{secret_file}"\n')
    monkeypatch.setenv("MY_IMAP_PW", "from-env")
    s = load_settings(path)
    assert s.mailbox.password.read() == "from-env"
    assert s.outgoing.password.read() == "from-file"


def test_plain_text_connections_only_to_loopback(tmp_path):
    path = write(tmp_path, '[statement]\ntitle = "T"\naddress = "s@example.org"\n'
                           '[mailbox]\nkind = "imap"\nhost = "imap.example.org"\nuser = "u"\ntls = "plain"\n')
    with pytest.raises(SettingsError, match="only allowed for a loopback host"):
        load_settings(path)


def test_environment_picks_the_config_file(tmp_path):
    path = write(tmp_path, '[statement]\ntitle = "Env"\naddress = "s@example.org"\n')
    assert load_settings(environ={"ENDORSE_CONFIG": str(path)}).statement.title == "Env"


def test_cli_reports_settings_problems_and_exits_with_ex_config(tmp_path, capsys):
    from mailer.cli import main
    path = write(tmp_path, "[statement]\n")
    assert main(["--config", str(path), "status"]) == 78
    assert "statement.title is missing" in capsys.readouterr().err

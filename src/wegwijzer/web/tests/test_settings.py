"""Settings: every module imports; production fails closed and passes check --deploy."""

import importlib
import os
import subprocess
import sys

import pytest

PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret-" + "x7Q!" * 12,
    "ALLOWED_HOSTS": "wegwijzer.example",
    "IDENTIFIER_KEY": "a-long-random-identifier-key-" + "k9#" * 12,
    "DATABASE_URL": "sqlite:///:memory:",
}


# Variables the test run itself sets (browser tests allow async-unsafe ORM calls)
# must not leak into the production process under test.
NOT_INHERITED = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "IDENTIFIER_KEY",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ENV",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def run_manage(*args, env):
    inherited = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    return subprocess.run(
        [sys.executable, "-m", "wegwijzer.cli", *args],
        env={**inherited, **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("module", ["dev", "ci"])
def test_every_settings_module_imports(module):
    importlib.import_module(f"wegwijzer.conf.{module}")


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "IDENTIFIER_KEY"])
def test_production_refuses_to_start_without(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert f"Set the environment variable {missing}" in result.stderr


def test_production_passes_the_deployment_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_an_unknown_environment_is_refused():
    result = run_manage("check", env={"DJANGO_ENV": "staging"})
    assert result.returncode != 0
    assert "DJANGO_ENV must be one of" in result.stderr

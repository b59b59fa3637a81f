"""The About box's library list comes from the installed packages' metadata."""

from __future__ import annotations

from importlib import metadata

from deskdup.services.about import bundled_libraries, canonical, licence_of


def test_every_runtime_requirement_is_listed_with_its_installed_version():
    listed = {canonical(lib.name): lib for lib in bundled_libraries()}
    for requirement in metadata.requires("deskdup") or []:
        if "extra ==" in requirement:
            continue
        name = canonical(requirement.split(";")[0].split("[")[0].split("<")[0].split(">")[0])
        assert name in listed, name
        assert listed[name].version == metadata.version(name)


def test_indirect_and_extra_requirements_are_followed_but_test_extras_are_not():
    listed = {canonical(lib.name) for lib in bundled_libraries()}
    assert "shiboken6" in listed  # PySide6's own requirement
    assert "psycopg-binary" in listed  # psycopg[binary]
    assert "pytest" not in listed  # psycopg's "test" extra, a dev tool here
    assert "deskdup" not in listed


def test_qt_is_marked_and_its_licence_names_the_lgpl():
    qt = [lib for lib in bundled_libraries() if lib.is_qt]
    assert {canonical(lib.name) for lib in qt} >= {"pyside6-essentials", "shiboken6"}
    assert all("LGPL-3.0" in lib.licence for lib in qt)


def test_every_listed_library_states_a_licence():
    missing = [lib.name for lib in bundled_libraries() if not lib.licence]
    assert missing == []


def test_licence_prefers_the_spdx_expression_then_a_short_field_then_classifiers():
    from email.message import Message

    def meta(**fields):
        m = Message()
        for key, values in fields.items():
            for value in values if isinstance(values, list) else [values]:
                m[key.replace("_", "-")] = value
        return m

    assert licence_of(meta(License_Expression="MIT", License="whatever")) == "MIT"
    assert licence_of(meta(License="BSD-3-Clause")) == "BSD-3-Clause"
    long_text = "Copyright (c) 2020\n\nPermission is hereby granted..."
    assert (
        licence_of(meta(License=long_text, Classifier="License :: OSI Approved :: MIT License"))
        == "MIT License"
    )
    assert licence_of(meta()) == ""

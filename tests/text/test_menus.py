"""Tests for onrecord.text.menus: a site's menus and breadcrumbs, which name no one."""

from __future__ import annotations

import doctest

import pytest

from onrecord.text import menus
from onrecord.text.menus import is_menu_line


@pytest.mark.parametrize("line", [
    "Home | News | Weather | Business | Sport | Opinion | Obituaries | Jobs",
    "News › Local News › Weather",
    "World » Africa",
    "UK • Politics • Money & Markets",
])
def test_menus_and_breadcrumbs(line):
    assert is_menu_line(line)


@pytest.mark.parametrize("line", [
    "Published: 06:42, 14 November 2024 | Updated: 11:15, 14 November 2024",  # a date line
    "Storm Corrin | Marches Courier",  # a headline and its paper: two entries, not a menu
    "The minister said the plan | the bill was “dead”.",
    "Jonah Brisebois let them exhale.",
])
def test_lines_that_are_no_menu(line):
    assert not is_menu_line(line)


def test_docstring_examples():
    assert doctest.testmod(menus).failed == 0

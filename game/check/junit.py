"""``check --junit FILE``: the check report as JUnit XML, which CI systems display.

One ``<testcase>`` per checked file: ``classname`` is the chapter (levels and quiz banks)
or the kind of file, ``name`` its path. A file with problems has a ``<failure>`` whose
message is the first problem and whose text lists them all; warnings go to
``<system-out>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from game.check.runner import CheckReport, FileReport

SUITE_NAME = "changzheng check"


def junit_xml(report: CheckReport) -> ET.ElementTree:
    """The report as a JUnit XML tree (``<testsuites>`` holding one ``<testsuite>``)."""
    failures = sum(not file.ok for file in report.files)
    counts = {"tests": str(len(report.files)), "failures": str(failures), "errors": "0",
              "skipped": "0", "time": f"{report.seconds:.3f}"}
    root = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **counts})
    for file in report.files:
        case = ET.SubElement(suite, "testcase", {"classname": classname(file),
                                                 "name": file.path,
                                                 "time": f"{file.seconds:.3f}"})
        if not file.ok:
            lines = [str(problem) for problem in file.errors] or ["the check failed"]
            more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
            failure = ET.SubElement(case, "failure", {"message": lines[0] + more,
                                                      "type": "check"})
            failure.text = "\n".join(lines)
        if file.warnings:
            ET.SubElement(case, "system-out").text = "\n".join(
                f"warning: {warning}" for warning in file.warnings)
    ET.indent(root)
    return ET.ElementTree(root)


def classname(file: FileReport) -> str:
    """The chapter of a level or quiz bank (when known), else the kind of file."""
    if file.kind in ("level", "quiz") and file.chapter:
        return file.chapter
    return file.kind


def write_junit(report: CheckReport, path: Path) -> None:
    """Write the report as JUnit XML (UTF-8) to ``path``."""
    junit_xml(report).write(path, encoding="utf-8", xml_declaration=True)

"""AR-7 pro-formas as a document: the same HTML is previewed on screen and printed to PDF."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from renewdesk.services.proforma import DRAFT, ProForma
from renewdesk.ui import i18n

translate = QCoreApplication.translate  # this name is what pyside6-lupdate looks for


NOT_CHARGED = str(QT_TRANSLATE_NOOP(  # the source words, found by lupdate
    "ProForma", "Early renewal for one period. This is not an invoice and nothing has been charged."))


def _words() -> dict[str, str]:
    return {
        "title": translate("ProForma", "Pro-forma invoice"),
        "draft": translate("ProForma", "preview, not numbered yet"),
        "issued": translate("ProForma", "Issued on"),
        "service": translate("ProForma", "Service"),
        "description": translate("ProForma", "Description"),
        "period": translate("ProForma", "Period"),
        "amount": translate("ProForma", "Amount"),
        "total": translate("ProForma", "Total"),
        "note": translate("ProForma", NOT_CHARGED),
    }


def html(proformas: list[ProForma], lang: i18n.Language) -> str:
    w = _words()
    pages = []
    for number, p in enumerate(proformas):
        title = w["title"] + (f" {escape(p.number)}" if p.number != DRAFT else f" — {w['draft']}")
        rows = "".join(
            f"<tr><td>{escape(line.service_ref)}</td><td>{escape(line.label)}</td>"
            f"<td>{lang.day(line.period_from)} → {lang.day(line.period_to)}</td>"
            f"<td align='right'>{lang.money(line.amount)}</td></tr>" for line in p.lines)
        brk = "page-break-after: always;" if number < len(proformas) - 1 else ""
        address = escape(p.address).replace("\n", "<br>")
        pages.append(
            f"<div style='{brk}'><h2>{title}</h2>"
            f"<p>{w['issued']} {lang.day(p.issued_on)}</p>"
            f"<p><b>{escape(p.customer_name)}</b> ({escape(p.customer_ref)})<br>"
            f"{address}<br>{escape(p.email)}</p>"
            f"<table width='100%' cellspacing='0' cellpadding='4' border='1'>"
            f"<tr><th>{w['service']}</th><th>{w['description']}</th><th>{w['period']}</th>"
            f"<th>{w['amount']}</th></tr>{rows}"
            f"<tr><td colspan='3' align='right'><b>{w['total']}</b></td>"
            f"<td align='right'><b>{lang.money(p.total)}</b></td></tr></table>"
            f"<p>{w['note']}</p></div>")
    return "".join(pages)


def write_pdf(proformas: list[ProForma], path: Path, language: i18n.Language) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(", ".join(p.number for p in proformas))
    document = QTextDocument()
    document.setHtml(html(proformas, language))
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)

"""Broken copies of a good workbook, for proving that a checker catches what it claims."""
import zipfile

import openpyxl


def rezip(src, dst, edit):
    """Copy a workbook, passing each part's text through edit(name, text)."""
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zo:
        for item in zi.infolist():
            data = zi.read(item.filename)
            if item.filename.endswith((".xml", ".rels")):
                data = edit(item.filename, data.decode("utf-8")).encode("utf-8")
            zo.writestr(item, data)


def with_openpyxl(src, dst, change):
    """Copy a workbook through openpyxl, with change(workbook) applied."""
    wb = openpyxl.load_workbook(src)
    change(wb)
    wb.save(dst)

"""Every error answered in one place: a Vietnamese page, or JSON under /api/.

``InvalidRequest`` is the reader's mistake (400, with its message),
``IndexUnavailable`` is ours (503, a clear message, the details only in
the log), an HTTP error keeps its status, and anything unexpected is a
plain 500 page: never a stack trace outside debug mode.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from indexer.errors import IndexUnavailable, InvalidRequest

__all__ = ["init_app", "TITLES"]

TITLES: dict[int, str] = {
    400: "Yêu cầu không hợp lệ",
    403: "Không được phép",
    404: "Không tìm thấy trang",
    405: "Phương thức không được hỗ trợ",
    413: "Yêu cầu quá lớn",
    414: "Địa chỉ quá dài",
    429: "Quá nhiều yêu cầu",
    500: "Đã có lỗi xảy ra",
    503: "Tìm kiếm tạm thời không hoạt động",
}
_DEFAULT_MESSAGES: dict[int, str] = {
    400: "Địa chỉ này có tham số không đọc được. Hãy tìm lại từ trang chủ.",
    404: "Trang hoặc bài viết này không có trong kho lưu trữ. Bạn có thể tìm lại bằng ô tìm kiếm.",
    405: "Trang này chỉ đọc được bằng GET.",
    500: "Máy chủ gặp lỗi ngoài dự kiến. Xin thử lại sau ít phút; nếu vẫn lỗi, hãy báo cho quản trị viên.",
    503: "Chỉ mục tìm kiếm chưa sẵn sàng (đang được xây dựng hoặc bị hỏng). Xin thử lại sau ít phút.",
}


def _answer(status: int, message: str | None = None) -> tuple[Response | str, int, dict[str, str]]:
    title = TITLES.get(status, "Lỗi")
    message = message or _DEFAULT_MESSAGES.get(status, "")
    headers = {"Retry-After": "60"} if status == 503 else {}
    if request.path.startswith("/api/"):
        return jsonify({"error": message or title, "status": status}), status, headers
    return render_template("error.html", status=status, title=title, message=message), status, headers


def _invalid(exc: InvalidRequest) -> tuple[Response | str, int, dict[str, str]]:
    return _answer(400, str(exc))


def _unavailable(exc: IndexUnavailable) -> tuple[Response | str, int, dict[str, str]]:
    # The detail names server paths: log it, tell the reader only what helps.
    current_app.logger.error("index unavailable: %s", exc)
    return _answer(503)


def _http(exc: HTTPException) -> tuple[Response | str, int, dict[str, str]] | HTTPException:
    if exc.code is None or exc.code < 400:
        return exc  # redirects and the like pass through untouched
    return _answer(exc.code)  # Werkzeug's descriptions are English and generic


def _unexpected(exc: Exception) -> tuple[Response | str, int, dict[str, str]]:
    if current_app.debug:
        raise exc  # let the debugger show it
    current_app.logger.exception("unhandled error on %s", request.path)
    return _answer(500)


def init_app(app: Flask) -> None:
    app.register_error_handler(InvalidRequest, _invalid)
    app.register_error_handler(IndexUnavailable, _unavailable)
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(Exception, _unexpected)

// Kept in a file (not inline) so a strict Content-Security-Policy needs no exceptions.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");

"""Browser tests see every Content-Security-Policy violation of the pages they visit.

``watch_csp(context)`` reports each ``securitypolicyviolation`` event (from any page or frame
of the Playwright browser context, across navigations) and each console message in which the
browser says it blocked something by the policy; ``assert_no_csp_violation`` fails with them.
"""

REPORTER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `on ${document.location.pathname} (${event.sourceFile || "page"}:${event.lineNumber})`
  );
});
"""


def watch_csp(context):
    """Collect the CSP violations of every page ``context`` opens; returns the list, filled live."""
    violations = []

    def report(violation):
        violations.append(violation)

    context.expose_function("__reportCspViolation", report)
    context.add_init_script(REPORTER)
    context.on(
        "console",
        lambda message: (
            violations.append(f"console: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return violations


def assert_no_csp_violation(violations):
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)

/* Linked into the sanitized test helpers only (tests/sanitize.mk), never
 * into bpfbox or the unit runner.  The helpers (mapfill, mkbtfmap,
 * progload...) are short-lived scaffolding that exit without freeing
 * their buffers; a leak there is no bug.  LeakSanitizer stays on for
 * bpfbox and the unit runner: tests/sanitize.sh leaves detect_leaks out
 * of ASAN_OPTIONS, since the environment would override this default. */
const char *__asan_default_options(void);

const char *__asan_default_options(void)
{
	return "detect_leaks=0";
}

/* kallsyms: kernel addresses to symbol names (/proc/kallsyms), for the
 * calls of "prog dump xlated".  The file is streamed, never held: one pass
 * finds __bpf_call_base, one names the few addresses asked for.
 * Functions return -errno and never print. */
#ifndef BPFBOX_KALLSYMS_H
#define BPFBOX_KALLSYMS_H

#include <stddef.h>
#include <stdint.h>

#define KSYM_NAME_MAX 128

struct ksym {
	uint64_t addr;
	uint64_t tag;			/* the caller's, carried through the sort */
	char name[KSYM_NAME_MAX];	/* "" until named */
	char module[64];		/* "" for vmlinux's own symbols */
};

/* The address of one symbol (0 when kptr_restrict hides addresses);
 * -ENOENT when it is not listed. */
int kallsyms_addr(const char *name, uint64_t *addr);
/* Name every entry of syms whose address a symbol has (the first such
 * symbol in the file) and set its module; sorts syms by address.  With
 * slack, a symbol slack bytes before an entry names it too (a probe past
 * the endbr64 of an IBT kernel's function).  Symbols at address 0
 * (hidden) name nothing. */
int kallsyms_name(struct ksym *syms, size_t n, unsigned slack);

/* The name kallsyms_name() gave addr in syms, or NULL. */
const char *kallsyms_lookup(const struct ksym *syms, size_t n, uint64_t addr);

#endif

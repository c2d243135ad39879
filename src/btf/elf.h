/* elf: find one section of an ELF object in memory (the ELF gABI: 32-
 * and 64-bit classes, either byte order), for reading the .BTF section
 * of a BPF object or a vmlinux without libelf.  The file is untrusted:
 * every header, table and name is bounds-checked. */
#ifndef BPFBOX_ELF_H
#define BPFBOX_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Does data start with the ELF magic? */
bool elf_is_elf(const void *data, size_t size);
/* The bytes of the section called name.  -ENOENT when there is none (or
 * it has no file bytes), -EINVAL for a malformed ELF. */
int elf_find_section(const void *data, size_t size, const char *name,
		     const uint8_t **sec, size_t *sec_size);

#endif

/* elf: section lookup in an ELF file image (System V gABI, "ELF header"
 * and "Sections"): e_shoff/e_shentsize/e_shnum/e_shstrndx locate the
 * section header table, sh_name indexes the section-name string table.
 * Extended numbering is followed: e_shnum 0 and e_shstrndx SHN_XINDEX
 * take their real values from section header 0. */
#include "btf/elf.h"

#include <errno.h>
#include <string.h>

#define SHN_XINDEX	0xffff
#define SHT_NOBITS	8

struct elf_view {
	const uint8_t *p;
	size_t size;
	bool is64, lsb;
};

static uint64_t rd(const struct elf_view *e, size_t off, unsigned width)
{
	uint64_t v = 0;
	unsigned i;

	/* most significant byte first */
	for (i = 0; i < width; i++)
		v = v << 8 | e->p[off + (e->lsb ? width - 1 - i : i)];
	return v;
}

bool elf_is_elf(const void *data, size_t size)
{
	return size >= 4 && !memcmp(data, "\177ELF", 4);
}

/* One field of section header i: what names its offset in each class. */
struct sh_field {
	uint8_t off32, off64, w32, w64;
};

static const struct sh_field SH_NAME = { 0, 0, 4, 4 };
static const struct sh_field SH_TYPE = { 4, 4, 4, 4 };
static const struct sh_field SH_OFFSET = { 16, 24, 4, 8 };
static const struct sh_field SH_SIZE = { 20, 32, 4, 8 };
static const struct sh_field SH_LINK = { 24, 40, 4, 4 };

static uint64_t sh(const struct elf_view *e, uint64_t shoff, uint64_t entsize,
		   uint64_t i, struct sh_field f)
{
	return rd(e, shoff + i * entsize + (e->is64 ? f.off64 : f.off32),
		  e->is64 ? f.w64 : f.w32);
}

int elf_find_section(const void *data, size_t size, const char *name,
		     const uint8_t **sec, size_t *sec_size)
{
	struct elf_view e = { data, size, false, false };
	uint64_t shoff, entsize, shnum, strndx, str_off, str_size, i;
	size_t name_len = strlen(name);

	if (size < 52 || !elf_is_elf(data, size))
		return -EINVAL;
	if (e.p[4] != 1 && e.p[4] != 2)	/* EI_CLASS */
		return -EINVAL;
	if (e.p[5] != 1 && e.p[5] != 2)	/* EI_DATA: LSB, MSB */
		return -EINVAL;
	e.is64 = e.p[4] == 2;
	e.lsb = e.p[5] == 1;
	if (e.is64 && size < 64)
		return -EINVAL;
	shoff = e.is64 ? rd(&e, 40, 8) : rd(&e, 32, 4);
	entsize = rd(&e, e.is64 ? 58 : 46, 2);
	shnum = rd(&e, e.is64 ? 60 : 48, 2);
	strndx = rd(&e, e.is64 ? 62 : 50, 2);
	if (!shoff)
		return -ENOENT;		/* no section header table */
	if (entsize < (e.is64 ? 64u : 40u) || shoff > size ||
	    entsize > size - shoff)
		return -EINVAL;
	if (!shnum)
		shnum = sh(&e, shoff, entsize, 0, SH_SIZE);
	if (strndx == SHN_XINDEX)
		strndx = sh(&e, shoff, entsize, 0, SH_LINK);
	if (shnum > (size - shoff) / entsize || strndx >= shnum)
		return -EINVAL;
	str_off = sh(&e, shoff, entsize, strndx, SH_OFFSET);
	str_size = sh(&e, shoff, entsize, strndx, SH_SIZE);
	if (str_off > size || str_size > size - str_off)
		return -EINVAL;
	for (i = 1; i < shnum; i++) {
		uint64_t nm = sh(&e, shoff, entsize, i, SH_NAME);
		uint64_t off, len;

		if (nm >= str_size || str_size - nm <= name_len ||
		    memcmp(e.p + str_off + nm, name, name_len + 1))
			continue;
		if (sh(&e, shoff, entsize, i, SH_TYPE) == SHT_NOBITS)
			return -ENOENT;
		off = sh(&e, shoff, entsize, i, SH_OFFSET);
		len = sh(&e, shoff, entsize, i, SH_SIZE);
		if (off > size || len > size - off)
			return -EINVAL;
		*sec = e.p + off;
		*sec_size = (size_t)len;
		return 0;
	}
	return -ENOENT;
}

/* prog: the "prog" object's show/list, pin and help, as upstream
 * bpftool's prog.c (show_prog, print_prog_header_plain/json,
 * print_prog_plain/json) prints them, from BPF_OBJ_GET_INFO_BY_FD's
 * struct bpf_prog_info, the prog fd's fdinfo (memlock), bpffs pins (-f)
 * and /proc holders (pids); the command table and help of "prog".
 * dump xlated and jited are prog_dump.c, run and tracelog prog_run.c;
 * loading and attaching are bpftool commands bpfbox leaves out
 * (docs/compat.md). */
#include "cli/options.h"
#include "cli/run.h"
#include "kernel/bpffs.h"
#include "btf/btf.h"
#include "output/btf_fmt.h"
#include "objects/handle.h"
#include "objects/prog.h"
#include "lib/names.h"
#include "output/out.h"
#include "kernel/pids.h"
#include "objects/show.h"
#include "objects/pin.h"
#include "kernel/sys_bpf.h"
#include "kernel/sys_proc.h"

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- pieces of a program's description ------------------------------ */

/* Load time as bpftool's print_boot_time(): load_time counts ns since
 * boot, so the wall clock of boot is REALTIME - BOOTTIME.  The nanosecond
 * sum is unsigned 64-bit, as in bpftool.  Plain: "%FT%T%z" local time;
 * JSON: seconds since the epoch ("%s"), written as a bare number. */
static void boot_time(struct run *r, uint64_t nsecs, char *buf, size_t size)
{
	struct timespec real, boot;
	struct tm tm;
	time_t secs;

	if (clock_gettime(CLOCK_REALTIME, &real) ||
	    clock_gettime(CLOCK_BOOTTIME, &boot)) {
		snprintf(buf, size, "%llu", (unsigned long long)(nsecs / 1000000000));
		return;
	}
	secs = (time_t)((uint64_t)(real.tv_sec - boot.tv_sec) +
			((uint64_t)(real.tv_nsec - boot.tv_nsec) + nsecs) / 1000000000);
	if (!localtime_r(&secs, &tm)) {
		snprintf(buf, size, "%llu", (unsigned long long)(nsecs / 1000000000));
		return;
	}
	if (!strftime(buf, size, r->opt.json ? "%s" : "%FT%T%z", &tm))
		*buf = 0;
}

/* The ids of the maps the program uses; the count in *n (0: none). */
static uint32_t *map_ids(int fd, uint32_t nr, uint32_t *n)
{
	struct bpf_prog_info info;
	uint32_t len = sizeof(info), *ids = calloc(nr ? nr : 1, sizeof(*ids));

	*n = 0;
	if (!ids)
		return NULL;
	memset(&info, 0, sizeof(info));
	info.nr_map_ids = nr;
	info.map_ids = (uint64_t)(uintptr_t)ids;
	if (sys_obj_info(fd, &info, &len)) {
		free(ids);
		return NULL;
	}
	/* A map bound since the first call (BPF_PROG_BIND_MAP) is not in
	 * the buffer: print what fits. */
	*n = info.nr_map_ids < nr ? info.nr_map_ids : nr;
	return ids;
}

/* ---- metadata: bpf_metadata_* variables of the program's .rodata ---- */

#define METADATA_PREFIX "bpf_metadata_"

/* bpftool's find_metadata(): the value of the first map the program uses
 * that looks like a .rodata section (a one-entry array with BTF whose
 * name contains ".rodata"); NULL when there is none.  *map gets its info. */
static uint8_t *metadata_value(const uint32_t *ids, uint32_t n, struct bpf_map_info *map)
{
	uint32_t i, key = 0;
	uint8_t *value;
	int fd;

	for (i = 0; i < n; i++) {
		fd = sys_fd_by_id(SYS_OBJ_MAP, ids[i], 0);
		if (fd < 0)
			return NULL;
		if (sys_map_info(fd, map)) {
			close(fd);
			return NULL;
		}
		if (map->type != BPF_MAP_TYPE_ARRAY || map->key_size != 4 ||
		    map->max_entries != 1 || !map->btf_value_type_id ||
		    !memmem(map->name, strnlen(map->name, BPF_OBJ_NAME_LEN), ".rodata", 7)) {
			close(fd);
			continue;
		}
		value = malloc(map->value_size ? map->value_size : 1);
		if (value && sys_map_lookup(fd, &key, value)) {
			free(value);
			value = NULL;
		}
		close(fd);
		return value;
	}
	return NULL;
}

/* bpftool's show_prog_metadata(): each bpf_metadata_NAME variable as
 * "NAME = value" lines after the plain description, or a "metadata"
 * object in JSON, values formatted from BTF (compact in plain mode, as
 * bpftool's unpretty writer there). */
static void show_metadata(struct run *r, const uint32_t *ids, uint32_t n)
{
	const struct btf_var_secinfo *vsi;
	const struct btf_type *sec, *var;
	struct bpf_map_info map;
	struct btf *btf = NULL;
	struct json plain_jw;
	bool header = false;
	uint8_t *value;
	unsigned i;
	int err;

	value = n ? metadata_value(ids, n, &map) : NULL;
	if (!value)
		return;
	if (btf_load_by_id(map.btf_id, NULL, &btf))
		goto out;
	sec = btf_type_by_id(btf, map.btf_value_type_id);
	if (!sec || btf_kind(sec) != BTF_KIND_DATASEC)
		goto out;
	vsi = btf_secinfos(sec);
	json_init(&plain_jw, false);
	for (i = 0; i < btf_vlen(sec); i++, vsi++) {
		const char *name;

		var = btf_type_by_id(btf, vsi->type);
		name = var ? btf_type_name(btf, var) : "";
		if (strncmp(name, METADATA_PREFIX, strlen(METADATA_PREFIX)))
			continue;
		if (!header) {
			if (r->opt.json) {
				json_name(&r->jw, "metadata");
				json_start_object(&r->jw);
			} else {
				out_str("\tmetadata:");
			}
			header = true;
		}
		name += strlen(METADATA_PREFIX);
		if (r->opt.json) {
			json_name(&r->jw, name);
		} else {
			out_fmt("\n\t\t%s = ", name);
			plain_jw.sep = 0;	/* each value is a document of its own */
		}
		err = vsi->offset > map.value_size ? -EINVAL :
		      btf_fmt_value_n(r->opt.json ? &r->jw : &plain_jw, btf, var->type,
				      value + vsi->offset, map.value_size - vsi->offset,
				      !r->opt.json);
		if (err) {
			run_error(r, "btf dump failed: %d", err);
			break;
		}
	}
	if (header && r->opt.json)
		json_end_object(&r->jw);
	else if (header)
		json_finish(&plain_jw);
out:
	if (btf)
		btf_free(btf);
	free(value);
}

/* ---- show / list -------------------------------------------------- */

/* The fields bpftool's print_prog_header_json() writes (show, and each
 * program of a multi-program dump). */
void prog_header_json(struct run *r, int fd, const struct bpf_prog_info *info)
{
	char name[128];

	json_uint_field(&r->jw, "id", info->id);
	if (prog_type_name(info->type))
		json_string_field(&r->jw, "type", prog_type_name(info->type));
	else
		json_uint_field(&r->jw, "type", info->type);
	if (*info->name) {
		prog_full_name(info, fd, name, sizeof(name));
		json_string_field(&r->jw, "name", name);
	}
	json_name(&r->jw, "tag");
	json_rawf(&r->jw, "\"%02x%02x%02x%02x%02x%02x%02x%02x\"",
		  info->tag[0], info->tag[1], info->tag[2], info->tag[3],
		  info->tag[4], info->tag[5], info->tag[6], info->tag[7]);
	json_bool_field(&r->jw, "gpl_compatible", info->gpl_compatible);
	if (info->run_time_ns) {
		json_uint_field(&r->jw, "run_time_ns", info->run_time_ns);
		json_uint_field(&r->jw, "run_cnt", info->run_cnt);
	}
	if (info->recursion_misses)
		json_uint_field(&r->jw, "recursion_misses", info->recursion_misses);
}

/* print_prog_header_plain(): "ID: TYPE  name NAME  tag TAG  gpl ...\n". */
void prog_header_plain(int fd, const struct bpf_prog_info *info)
{
	char name[128], ifname[IF_NAMESIZE];
	unsigned i;

	out_fmt("%u: ", info->id);
	if (prog_type_name(info->type))
		out_fmt("%s  ", prog_type_name(info->type));
	else
		out_fmt("type %u  ", info->type);
	if (*info->name) {
		prog_full_name(info, fd, name, sizeof(name));
		out_fmt("name %s  ", name);
	}
	out_str("tag ");
	for (i = 0; i < BPF_TAG_SIZE; i++)
		out_hex_byte(info->tag[i]);
	if (info->ifindex) {
		out_str("  offloaded_to ");
		if (sys_ifname_ns(info->ifindex, info->netns_dev, info->netns_ino, ifname))
			out_str(ifname);
		else
			out_fmt("ifindex %u ns_dev %llu ns_ino %llu", info->ifindex,
				(unsigned long long)info->netns_dev,
				(unsigned long long)info->netns_ino);
	}
	if (info->gpl_compatible)
		out_str("  gpl");
	if (info->run_time_ns)
		out_fmt(" run_time_ns %llu run_cnt %llu",
			(unsigned long long)info->run_time_ns,
			(unsigned long long)info->run_cnt);
	if (info->recursion_misses)
		out_fmt(" recursion_misses %llu", (unsigned long long)info->recursion_misses);
	out_char('\n');
}

static void show_json(struct run *r, struct show_ctx *c, int fd, const struct bpf_prog_info *info,
		      bool orphaned, const char *memlock)
{
	char ifname[IF_NAMESIZE], when[32];
	uint32_t *ids, n, i;

	json_start_object(&r->jw);
	prog_header_json(r, fd, info);
	if (info->ifindex) {
		json_name(&r->jw, "dev");
		json_start_object(&r->jw);
		json_uint_field(&r->jw, "ifindex", info->ifindex);
		json_uint_field(&r->jw, "ns_dev", info->netns_dev);
		json_uint_field(&r->jw, "ns_inode", info->netns_ino);
		if (sys_ifname_ns(info->ifindex, info->netns_dev, info->netns_ino, ifname))
			json_string_field(&r->jw, "ifname", ifname);
		json_end_object(&r->jw);
	}
	/* uid rides on load_time because 0 is a valid uid (bpftool). */
	if (info->load_time) {
		boot_time(r, info->load_time, when, sizeof(when));
		json_name(&r->jw, "loaded_at");
		json_raw(&r->jw, when);
		json_uint_field(&r->jw, "uid", info->created_by_uid);
	}
	json_bool_field(&r->jw, "orphaned", orphaned);
	json_uint_field(&r->jw, "bytes_xlated", info->xlated_prog_len);
	json_bool_field(&r->jw, "jited", info->jited_prog_len != 0);
	if (info->jited_prog_len)
		json_uint_field(&r->jw, "bytes_jited", info->jited_prog_len);
	if (memlock)
		json_int_field(&r->jw, "bytes_memlock", atoll(memlock));
	ids = info->nr_map_ids ? map_ids(fd, info->nr_map_ids, &n) : NULL;
	if (ids && n) {
		json_name(&r->jw, "map_ids");
		json_start_array(&r->jw);
		for (i = 0; i < n; i++)
			json_uint(&r->jw, ids[i]);
		json_end_array(&r->jw);
	}
	if (info->btf_id)
		json_int_field(&r->jw, "btf_id", info->btf_id);
	show_pins_json(r, c, info->id);
	refs_json(&c->refs, info->id, &r->jw);
	show_metadata(r, ids, ids ? n : 0);
	free(ids);
	json_end_object(&r->jw);
}

static void show_plain(struct run *r, struct show_ctx *c, int fd, const struct bpf_prog_info *info,
		       bool orphaned, const char *memlock)
{
	char when[32];
	uint32_t *ids, n, i;

	prog_header_plain(fd, info);

	if (info->load_time) {
		boot_time(r, info->load_time, when, sizeof(when));
		out_fmt("\tloaded_at %s  uid %u\n", when, info->created_by_uid);
	}
	out_fmt("\txlated %uB", info->xlated_prog_len);
	if (info->jited_prog_len)
		out_fmt("  jited %uB", info->jited_prog_len);
	else
		out_str("  not jited");
	if (memlock)
		out_fmt("  memlock %sB", memlock);
	if (orphaned)
		out_str("  orphaned");
	ids = info->nr_map_ids ? map_ids(fd, info->nr_map_ids, &n) : NULL;
	if (ids && n) {
		out_str("  map_ids ");
		for (i = 0; i < n; i++)
			out_fmt("%u%s", ids[i], i == n - 1 ? "" : ",");
	}
	show_pins_plain(c, info->id);
	if (info->btf_id)
		out_fmt("\n\tbtf_id %u", info->btf_id);
	refs_plain(&c->refs, info->id, "\n\tpids ");
	out_char('\n');
	show_metadata(r, ids, ids ? n : 0);
	free(ids);
}

static int show_one(struct run *r, struct show_ctx *c, int fd)
{
	char memlock_s[32];
	const char *memlock;
	struct bpf_prog_info info;
	struct fdinfo fi;
	int err = sys_prog_info(fd, &info);

	/* ENODEV: an offloaded program whose device is gone; bpftool shows
	 * it as "orphaned" with what it has. */
	if (err && err != -ENODEV)
		return run_fail(r, err, "can't get prog info");
	memlock = sys_fdinfo(fd, &fi) ? NULL
				      : fdinfo_get(&fi, "memlock", memlock_s, sizeof(memlock_s));
	if (r->opt.json)
		show_json(r, c, fd, &info, err == -ENODEV, memlock);
	else
		show_plain(r, c, fd, &info, err == -ENODEV, memlock);
	out_line_done();
	return 0;
}

static int show_fd(struct run *r, int fd, void *ctx)
{
	return show_one(r, ctx, fd);
}

static int do_show(struct run *r, struct args *a)
{
	static const struct show_kind progs = {
		FD_PROG, REFS_PROG, SYS_OBJ_PROG, 0, prog_handle_all, show_fd,
	};

	return show_command(r, a, &progs);
}

/* ---- pin ------------------------------------------------------------ */

static int do_pin(struct run *r, struct args *a)
{
	return pin_command(r, a, prog_handle);
}

/* ---- help and the command table ------------------------------------- */

static int do_help(struct run *r, struct args *a)
{
	if (r->opt.json)
		return run_done(r);
	fprintf(stderr,
		"Usage: %1$s %2$s { show | list } [PROG]\n"
		"       %1$s %2$s dump xlated PROG [{ file FILE | [opcodes] [linum] [visual] }]\n"
		"       %1$s %2$s dump jited  PROG [{ file FILE | [opcodes] [linum] }]\n"
		"       %1$s %2$s pin   PROG FILE\n"
		"       %1$s %2$s run PROG \\\n"
		"                         data_in FILE \\\n"
		"                         [data_out FILE [data_size_out L]] \\\n"
		"                         [ctx_in FILE [ctx_out FILE [ctx_size_out M]]] \\\n"
		"                         [repeat N]\n"
		"       %1$s %2$s tracelog\n"
		"       %1$s %2$s tracelog { stdout | stderr } PROG\n"
		"       %1$s %2$s help\n"
		"\n"
		"       " HELP_SPEC_PROGRAM "\n"
		, r->bin_name, "prog");
	options_help(HELP_PROG);
	fprintf(stderr, "\n"
		"       (bpfbox does not load, attach, detach or profile programs)\n");
	return 0;
}

/* bpftool's table, in its order, so prefixes resolve the same way. */
static const struct cmd cmds[] = {
	{ "show", do_show },
	{ "list", do_show },
	{ "help", do_help },
	{ "dump", do_prog_dump },
	{ "pin", do_pin },
	{ "load", NULL },
	{ "loadall", NULL },
	{ "attach", NULL },
	{ "detach", NULL },
	{ "tracelog", do_prog_tracelog },
	{ "run", do_prog_run },
	{ "profile", NULL },
	{ 0 }
};

int do_prog(struct run *r, struct args *a)
{
	return cmd_select(r, cmds, a, do_help);
}

/* __NR_bpf for each architecture bpfbox builds for, so the tree needs no
 * kernel headers.  libc's SYS_bpf wins when it has one. */
#ifndef BPFBOX_SYS_NR_H
#define BPFBOX_SYS_NR_H

#include <sys/syscall.h>

#if defined(SYS_bpf)
#define BPFBOX_NR_bpf SYS_bpf
#elif defined(__x86_64__) && defined(__ILP32__)
#define BPFBOX_NR_bpf (0x40000000 + 321)	/* x32 */
#elif defined(__x86_64__)
#define BPFBOX_NR_bpf 321
#elif defined(__i386__)
#define BPFBOX_NR_bpf 357
#elif defined(__aarch64__) || defined(__riscv) || defined(__loongarch__)
#define BPFBOX_NR_bpf 280	/* asm-generic */
#elif defined(__arm__)
#define BPFBOX_NR_bpf 386
#elif defined(__powerpc__) || defined(__powerpc64__)
#define BPFBOX_NR_bpf 361
#elif defined(__s390__) || defined(__s390x__)
#define BPFBOX_NR_bpf 351
#elif defined(__mips__) && _MIPS_SIM == _ABIO32
#define BPFBOX_NR_bpf (4000 + 355)
#elif defined(__mips__) && _MIPS_SIM == _ABI64
#define BPFBOX_NR_bpf (5000 + 315)
#elif defined(__mips__) && _MIPS_SIM == _ABIN32
#define BPFBOX_NR_bpf (6000 + 319)
#elif defined(__sparc__)
#define BPFBOX_NR_bpf 349
#else
#error "unknown architecture: add its __NR_bpf to src/sys_nr.h"
#endif

#endif

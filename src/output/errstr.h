/* errstr: strerror() with glibc's wording, for -errno or errno values. */
#ifndef BPFBOX_ERRSTR_H
#define BPFBOX_ERRSTR_H

const char *errstr(int err);

#endif

#include "output/btf_c.h"
#include <errno.h>
int btf_c_dump(const struct btf *btf, const uint32_t *ids, size_t n,
	       bool sorted, uint64_t max_out)
{
	return -ENOSYS;
}

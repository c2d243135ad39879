/* hash_order: replay libbpf's hashmap (tools/lib/bpf/hashmap.c) for one
 * key.  An insert goes to the head of its bucket's chain; when the map
 * grows (to 4 buckets, then doubling once (size + 1) * 4 / 3 would pass
 * the capacity) every chain is re-inserted, which reverses it.  A deque
 * with a "reversed" flag replays that in O(n). */
#include "lib/hash_order.h"

size_t *hash_order(const uint32_t *seq, size_t n, size_t total, size_t *buf)
{
	size_t head = n, tail = n, cap = 0, next = 0, grow, count, i;
	int reversed = 0;

	for (;;) {
		/* Inserts before index `grow` land before the next resize. */
		grow = cap ? (3 * (cap + 1) + 3) / 4 - 1 : 0;
		if (grow >= total)
			grow = total;
		for (; next < n && seq[next] < grow; next++) {
			if (reversed)
				buf[tail++] = next;
			else
				buf[--head] = next;
		}
		if (grow == total)
			break;
		reversed = !reversed;
		cap = cap ? cap * 2 : 4;
	}
	for (; next < n; next++) {	/* seq beyond total: inserted last */
		if (reversed)
			buf[tail++] = next;
		else
			buf[--head] = next;
	}
	count = tail - head;
	if (reversed) {
		for (i = 0; i < count / 2; i++) {
			size_t tmp = buf[head + i];

			buf[head + i] = buf[tail - 1 - i];
			buf[tail - 1 - i] = tmp;
		}
	}
	return buf + head;
}

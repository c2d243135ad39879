/* main: the process.  Everything else is bpfbox_main() (cli/run.c), which
 * never exits, so the fuzzer can call it in a loop. */
#include "cli/run.h"

int main(int argc, char **argv)
{
	return bpfbox_main(argc, argv);
}

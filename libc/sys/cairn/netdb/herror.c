/* herror: "s: hstrerror(h_errno)" on stderr (just the message when s is NULL or empty). */
#include <netdb.h>
#include <stdio.h>

void herror(const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, hstrerror(h_errno));
	else
		fprintf(stderr, "%s\n", hstrerror(h_errno));
}

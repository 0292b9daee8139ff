/* rewinddir: back to the first entry; later entries reflect the directory now. */
#include <dirent.h>

void rewinddir(DIR *d)
{
	seekdir(d, 0);
}

/* The registry of filesystem types (fs/fstype.h). Types are few and never go away. */
#include <fs/fstype.h>
#include <lib/string.h>
#include <spinlock.h>

static LIST_HEAD(fs_types);
static struct spinlock fs_types_lock = SPINLOCK_INIT("fs_types");

void fs_type_register(struct fs_type *type)
{
	unsigned long irq = spin_lock_irqsave(&fs_types_lock);
	list_add_tail(&type->link, &fs_types);
	spin_unlock_irqrestore(&fs_types_lock, irq);
}

struct fs_type *fs_type_find(const char *name)
{
	struct fs_type *t, *found = NULL;
	unsigned long irq = spin_lock_irqsave(&fs_types_lock);
	list_for_each_entry(t, &fs_types, link)
	{
		if (!strcmp(t->name, name)) {
			found = t;
			break;
		}
	}
	spin_unlock_irqrestore(&fs_types_lock, irq);
	return found;
}

void fs_type_for_each(void (*fn)(const struct fs_type *type, void *arg), void *arg)
{
	struct fs_type *t;
	list_for_each_entry(t, &fs_types, link)
		fn(t, arg);
}

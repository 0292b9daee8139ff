/*
 * ChaCha20-based generator (random.h). The state is a 256-bit key and a
 * block counter; each request produces keystream blocks and then replaces
 * the key with fresh keystream ("fast key erasure").
 */
#include <arch/cpu.h>
#include <lib/string.h>
#include <random.h>
#include <spinlock.h>

static uint32_t key[8];
static uint64_t counter;
static bool seeded;
static struct spinlock random_lock = SPINLOCK_INIT("random");

#define ROTL(v, n) (((v) << (n)) | ((v) >> (32 - (n))))
#define ROTL64(v, n) (((v) << (n)) | ((v) >> (64 - (n))))
#define QR(a, b, c, d)                                                           \
	(a += b, d ^= a, d = ROTL(d, 16), c += d, b ^= c, b = ROTL(b, 12),       \
	 a += b, d ^= a, d = ROTL(d, 8), c += d, b ^= c, b = ROTL(b, 7))

static void chacha_block(uint32_t out[16])
{
	uint32_t in[16] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 };
	memcpy(&in[4], key, sizeof(key));
	in[12] = (uint32_t)counter;
	in[13] = (uint32_t)(counter >> 32);
	in[14] = in[15] = 0;
	counter++;
	uint32_t x[16];
	memcpy(x, in, sizeof(x));
	for (int i = 0; i < 10; i++) {
		QR(x[0], x[4], x[8], x[12]);
		QR(x[1], x[5], x[9], x[13]);
		QR(x[2], x[6], x[10], x[14]);
		QR(x[3], x[7], x[11], x[15]);
		QR(x[0], x[5], x[10], x[15]);
		QR(x[1], x[6], x[11], x[12]);
		QR(x[2], x[7], x[8], x[13]);
		QR(x[3], x[4], x[9], x[14]);
	}
	for (int i = 0; i < 16; i++)
		out[i] = x[i] + in[i];
}

static bool rdrand64(uint64_t *v)
{
	if (!cpu_features.rdrand)
		return false;
	for (int i = 0; i < 10; i++) {
		unsigned char ok;
		__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return true;
	}
	return false;
}

/* Called with the lock held. */
static void seed(void)
{
	for (int i = 0; i < 8; i += 2) {
		uint64_t v = 0;
		rdrand64(&v);
		/* TSC low bits jitter between reads; fold several in. */
		for (int j = 0; j < 16; j++)
			v = ROTL64(v, 5) ^ rdtsc();
		key[i] ^= (uint32_t)v;
		key[i + 1] ^= (uint32_t)(v >> 32);
	}
	seeded = true;
}

void random_mix(uint64_t v)
{
	unsigned long flags = spin_lock_irqsave(&random_lock);
	key[v & 7] ^= (uint32_t)(v >> 3) ^ (uint32_t)rdtsc();
	spin_unlock_irqrestore(&random_lock, flags);
}

void random_get_bytes(void *buf, size_t n)
{
	uint32_t block[16];
	unsigned long flags = spin_lock_irqsave(&random_lock);
	if (!seeded)
		seed();
	uint8_t *out = buf;
	while (n > 0) {
		chacha_block(block);
		size_t k = MIN(n, sizeof(block));
		memcpy(out, block, k);
		out += k;
		n -= k;
	}
	chacha_block(block);
	memcpy(key, block, sizeof(key));
	memset(block, 0, sizeof(block));
	spin_unlock_irqrestore(&random_lock, flags);
}

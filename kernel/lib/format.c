/*
 * The kernel's only printf-style formatter. Everything that turns values into
 * text (printk, panic messages, procfs files) goes through kvsnprintf().
 *
 * It follows C99 vsnprintf: it writes at most size bytes including the
 * terminating NUL, always terminates when size > 0, never touches buf when
 * size is 0, and returns the length the full output would have had.
 *
 * Supported: conversions d i u x X o c s p %, flags - 0 + space #, field width
 * and precision (both also as '*'), length modifiers hh h l ll z t j. There is
 * no floating point: the kernel is built with -mgeneral-regs-only.
 *
 * Where this differs from C99 or defines what C leaves undefined:
 * - %p prints "0x" and exactly 16 lowercase hex digits, NULL included; only
 *   the width and the '-' flag apply to it.
 * - %s of a NULL pointer prints the string "(null)", to which width and
 *   precision apply as to any other string.
 * - An unknown conversion, %n included, is echoed literally from its '%' to
 *   the conversion character and consumes no argument (a '*' in it still
 *   consumes its int). A format that ends inside a conversion echoes the rest.
 * - Length modifiers on c and s are ignored: there are no wide characters.
 * - A %% with flags or a width ("%5%") still prints a single '%'.
 * - The '#' flag on d i u c s and the '0' flag on c s p are ignored.
 * - A width or precision larger than INT_MAX is clamped to INT_MAX.
 * - When the full length would exceed INT_MAX the return value is -1 (as
 *   POSIX's EOVERFLOW case), but the buffer is still filled and terminated.
 */
#include <printk.h>

#define FMT_INT_MAX ((size_t)__INT_MAX__)

/* The output cursor: len counts every byte produced, even those not stored. */
struct fmt_out {
	char *buf;
	size_t size;
	size_t len;
};

enum fmt_length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

/* One parsed conversion specification. */
struct fmt_spec {
	bool left;  /* '-': pad on the right. */
	bool zero;  /* '0': pad integers with zeros. */
	bool plus;  /* '+': always print a sign for d and i. */
	bool space; /* ' ': print a space where a '+' would go. */
	bool alt;   /* '#': "0x" prefix for x/X, a leading 0 for o. */
	bool has_prec;
	size_t width; /* 0 when no width was given. */
	size_t prec;  /* Meaningful only when has_prec. */
	enum fmt_length length;
	char conv;
};

static const char fmt_lower_digits[] = "0123456789abcdef";
static const char fmt_upper_digits[] = "0123456789ABCDEF";

/* Stores one byte if it (and a NUL after it) fits; counts it either way. */
static void fmt_putc(struct fmt_out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void fmt_puts(struct fmt_out *o, const char *s, size_t n)
{
	while (n--)
		fmt_putc(o, *s++);
}

static void fmt_pad(struct fmt_out *o, char c, size_t n)
{
	while (n--)
		fmt_putc(o, c);
}

static bool fmt_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

/* Parses a run of decimal digits at *p, saturating at INT_MAX. */
static size_t fmt_parse_number(const char **p)
{
	size_t n = 0;

	while (fmt_isdigit(**p)) {
		n = n * 10 + (size_t)(**p - '0');
		if (n > FMT_INT_MAX)
			n = FMT_INT_MAX;
		(*p)++;
	}
	return n;
}

/*
 * Parses flags, width, precision and length modifier of the specification
 * whose '%' precedes *p, leaving *p at the conversion character (or at the
 * terminating NUL of a truncated format). Consumes the '*' arguments.
 */
static void fmt_parse_spec(const char **p, struct fmt_spec *s, va_list *ap)
{
	*s = (struct fmt_spec){0};

	for (;; (*p)++) {
		if (**p == '-')
			s->left = true;
		else if (**p == '0')
			s->zero = true;
		else if (**p == '+')
			s->plus = true;
		else if (**p == ' ')
			s->space = true;
		else if (**p == '#')
			s->alt = true;
		else
			break;
	}

	if (**p == '*') {
		int w = va_arg(*ap, int);

		(*p)++;
		if (w < 0) {
			/* Negating in unsigned arithmetic keeps INT_MIN defined. */
			s->left = true;
			s->width = MIN((size_t)(0u - (unsigned int)w), FMT_INT_MAX);
		} else {
			s->width = (size_t)w;
		}
	} else {
		s->width = fmt_parse_number(p);
	}

	if (**p == '.') {
		(*p)++;
		if (**p == '*') {
			int pr = va_arg(*ap, int);

			(*p)++;
			/* A negative precision is taken as if it were omitted. */
			s->has_prec = pr >= 0;
			s->prec = pr >= 0 ? (size_t)pr : 0;
		} else {
			s->has_prec = true;
			s->prec = fmt_parse_number(p);
		}
	}

	switch (**p) {
	case 'h':
		(*p)++;
		s->length = LEN_H;
		if (**p == 'h') {
			(*p)++;
			s->length = LEN_HH;
		}
		break;
	case 'l':
		(*p)++;
		s->length = LEN_L;
		if (**p == 'l') {
			(*p)++;
			s->length = LEN_LL;
		}
		break;
	case 'z':
		(*p)++;
		s->length = LEN_Z;
		break;
	case 't':
		(*p)++;
		s->length = LEN_T;
		break;
	case 'j':
		(*p)++;
		s->length = LEN_J;
		break;
	default:
		break;
	}
	s->conv = **p;
}

/*
 * Fetches a signed argument of the width the length modifier names and
 * returns its magnitude, setting *neg when it was negative.
 */
static uintmax_t fmt_fetch_signed(va_list *ap, enum fmt_length length, bool *neg)
{
	intmax_t v;

	switch (length) {
	case LEN_HH:
		v = (signed char)va_arg(*ap, int);
		break;
	case LEN_H:
		v = (short)va_arg(*ap, int);
		break;
	case LEN_L:
		v = va_arg(*ap, long);
		break;
	case LEN_LL:
		v = va_arg(*ap, long long);
		break;
	case LEN_Z:
		v = va_arg(*ap, ssize_t);
		break;
	case LEN_T:
		v = va_arg(*ap, ptrdiff_t);
		break;
	case LEN_J:
		v = va_arg(*ap, intmax_t);
		break;
	default:
		v = va_arg(*ap, int);
		break;
	}
	*neg = v < 0;
	/* Unsigned negation: INTMAX_MIN has no positive signed counterpart. */
	return v < 0 ? (uintmax_t)0 - (uintmax_t)v : (uintmax_t)v;
}

/* Fetches an unsigned argument of the width the length modifier names. */
static uintmax_t fmt_fetch_unsigned(va_list *ap, enum fmt_length length)
{
	switch (length) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
		return va_arg(*ap, unsigned long long);
	case LEN_Z:
		return va_arg(*ap, size_t);
	case LEN_T:
		/* size_t is the unsigned type of ptrdiff_t's width on x86-64. */
		return (size_t)va_arg(*ap, ptrdiff_t);
	case LEN_J:
		return va_arg(*ap, uintmax_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

/*
 * Prints an integer conversion (d i u x X o) of magnitude mag. sign is '-',
 * '+', ' ' or 0 for none. The layout is: padding, sign, "0x" prefix, zeros
 * from the precision (or from the '0' flag), digits, then right padding.
 */
static void fmt_integer(struct fmt_out *o, const struct fmt_spec *s, uintmax_t mag, char sign)
{
	const char *set = s->conv == 'X' ? fmt_upper_digits : fmt_lower_digits;
	unsigned int base = 10;
	char digits[24]; /* 22 octal digits hold 64 bits. */
	size_t ndigits = 0, zeros = 0, prefix_len = 0, body, pad;
	const char *prefix = "";
	size_t prec = s->has_prec ? s->prec : 1;
	bool zero_pad = s->zero && !s->left && !s->has_prec;

	if (s->conv == 'o')
		base = 8;
	else if (s->conv == 'x' || s->conv == 'X')
		base = 16;

	if (s->alt && base == 16 && mag != 0) {
		prefix = s->conv == 'X' ? "0X" : "0x";
		prefix_len = 2;
	}

	while (mag != 0) {
		digits[ndigits++] = set[mag % base];
		mag /= base;
	}
	if (prec > ndigits)
		zeros = prec - ndigits;
	/* '#' with o: raise the precision so the first digit is a 0. */
	if (s->alt && base == 8 && zeros == 0)
		zeros = 1;

	body = (sign ? 1 : 0) + prefix_len + zeros + ndigits;
	pad = s->width > body ? s->width - body : 0;

	if (!s->left && !zero_pad)
		fmt_pad(o, ' ', pad);
	if (sign)
		fmt_putc(o, sign);
	fmt_puts(o, prefix, prefix_len);
	if (zero_pad)
		fmt_pad(o, '0', pad);
	fmt_pad(o, '0', zeros);
	while (ndigits)
		fmt_putc(o, digits[--ndigits]);
	if (s->left)
		fmt_pad(o, ' ', pad);
}

/* Prints n bytes of str padded with spaces to the field width. */
static void fmt_field(struct fmt_out *o, const struct fmt_spec *s, const char *str, size_t n)
{
	size_t pad = s->width > n ? s->width - n : 0;

	if (!s->left)
		fmt_pad(o, ' ', pad);
	fmt_puts(o, str, n);
	if (s->left)
		fmt_pad(o, ' ', pad);
}

/* Prints %s: reads at most the precision's worth of bytes, never past it. */
static void fmt_string(struct fmt_out *o, const struct fmt_spec *s, const char *str)
{
	size_t n = 0;

	if (!str)
		str = "(null)";
	while ((!s->has_prec || n < s->prec) && str[n] != '\0')
		n++;
	fmt_field(o, s, str, n);
}

/* Prints %p as "0x" and 16 lowercase hex digits. */
static void fmt_pointer(struct fmt_out *o, const struct fmt_spec *s, const void *ptr)
{
	uint64_t v = (uint64_t)(uintptr_t)ptr;
	char text[18];
	int i;

	text[0] = '0';
	text[1] = 'x';
	for (i = 17; i >= 2; i--) {
		text[i] = fmt_lower_digits[v & 0xf];
		v >>= 4;
	}
	fmt_field(o, s, text, sizeof(text));
}

/* Formats one conversion whose specification s has been parsed. */
static void fmt_convert(struct fmt_out *o, const struct fmt_spec *s, va_list *ap)
{
	uintmax_t mag;
	bool neg;
	char c;

	switch (s->conv) {
	case 'd':
	case 'i':
		mag = fmt_fetch_signed(ap, s->length, &neg);
		fmt_integer(o, s, mag, neg ? '-' : s->plus ? '+' : s->space ? ' ' : 0);
		break;
	case 'u':
	case 'x':
	case 'X':
	case 'o':
		fmt_integer(o, s, fmt_fetch_unsigned(ap, s->length), 0);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		fmt_field(o, s, &c, 1);
		break;
	case 's':
		fmt_string(o, s, va_arg(*ap, const char *));
		break;
	case 'p':
		fmt_pointer(o, s, va_arg(*ap, const void *));
		break;
	default:
		/* '%' and unknown conversions are handled by the caller. */
		break;
	}
}

static bool fmt_is_conversion(char c)
{
	switch (c) {
	case 'd':
	case 'i':
	case 'u':
	case 'x':
	case 'X':
	case 'o':
	case 'c':
	case 's':
	case 'p':
		return true;
	default:
		return false;
	}
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct fmt_out o = {.buf = buf, .size = size, .len = 0};
	struct fmt_spec s;
	const char *p = fmt, *start;
	va_list args;

	/* A local copy, because a va_list parameter cannot be passed by address. */
	va_copy(args, ap);
	while (*p != '\0') {
		if (*p != '%') {
			fmt_putc(&o, *p++);
			continue;
		}
		start = p++;
		fmt_parse_spec(&p, &s, &args);
		if (s.conv == '%') {
			fmt_putc(&o, '%');
		} else if (fmt_is_conversion(s.conv)) {
			fmt_convert(&o, &s, &args);
		} else {
			/* Echo an unknown or truncated specification as written. */
			fmt_puts(&o, start, (size_t)(p - start) + (*p != '\0'));
			if (*p == '\0')
				break;
		}
		p++;
	}
	va_end(args);

	if (size > 0)
		buf[MIN(o.len, size - 1)] = '\0';
	return o.len > FMT_INT_MAX ? -1 : (int)o.len;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

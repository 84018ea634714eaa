/*
 * test_linkage.c: unit tests of the plain-C side of record linkage (name
 * normalisation, person_key and clk text forms, encoding, Dice, LSH keys,
 * greedy assignment), built and run outside the server.  The keyed hash is
 * the server's (HMAC-SHA-256); here a stand-in PRF does, since what is
 * tested is what the encoder does with its output.  Prints TAP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blake2b_io.h"
#include "clkhash_io.h"
#include "linkage_io.h"
#include "names_io.h"

static int	ntests = 0,
			nfailed = 0;

static void
ok(int cond, const char *what)
{
	ntests++;
	if (!cond)
		nfailed++;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", ntests, what);
}

static const char *
norm(const char *s, mr_name_form form)
{
	static char out[MR_NAME_BUFSIZE];
	size_t		len;

	if (mr_name_normalize(s, strlen(s), form, out, sizeof(out), &len) != MR_OK)
		return "(none)";
	return out;
}

static void
same(const char *a, const char *b, mr_name_form form, const char *what)
{
	char		x[MR_NAME_BUFSIZE];

	snprintf(x, sizeof(x), "%s", norm(a, form));
	ok(strcmp(x, norm(b, form)) == 0, what);
	if (strcmp(x, norm(b, form)) != 0)
		printf("# \"%s\" -> \"%s\", \"%s\" -> \"%s\"\n", a, x, b, norm(b, form));
}

static void
is(const char *in, mr_name_form form, const char *want)
{
	const char *got = norm(in, form);
	char		what[160];

	snprintf(what, sizeof(what), "\"%s\" is \"%s\"", in, want);
	ok(strcmp(got, want) == 0, what);
	if (strcmp(got, want) != 0)
		printf("# got \"%s\"\n", got);
}

/* a stand-in PRF: 32 bytes of splitmix64 seeded by FNV-1a of field and msg */
static void
test_prf(void *ctx, mr_clk_field field, const uint8_t *msg, size_t len, uint8_t out[32])
{
	uint64_t	h = UINT64_C(0xcbf29ce484222325) ^ (uint64_t) (uintptr_t) ctx;

	h = (h ^ (uint64_t) field) * UINT64_C(0x100000001b3);
	for (size_t i = 0; i < len; i++)
		h = (h ^ msg[i]) * UINT64_C(0x100000001b3);
	for (int i = 0; i < 4; i++)
	{
		uint64_t	z = (h += UINT64_C(0x9E3779B97F4A7C15));

		z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
		z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
		z ^= z >> 31;
		memcpy(out + 8 * i, &z, 8);
	}
}

typedef struct b2_vector
{
	const char *what;
	size_t		outlen;
	const uint8_t *in;
	size_t		inlen;
	const uint8_t *key;
	size_t		keylen;
	const char *salt;
	const char *person;
	const char *want;
} b2_vector;

static mr_clk
encode(const char *family, const char *given, int y, int m, int d, char sex,
	   const char *nat, const char *salt)
{
	char		f[MR_NAME_BUFSIZE],
				g[MR_NAME_BUFSIZE];
	size_t		len;
	mr_clk_record r;
	mr_clk		c;

	memset(&r, 0, sizeof(r));
	if (mr_name_normalize(family, strlen(family), MR_NAME_FAMILY, f, sizeof(f), &len) == MR_OK)
		r.family = f;
	if (mr_name_normalize(given, strlen(given), MR_NAME_GIVEN, g, sizeof(g), &len) == MR_OK)
		r.given = g;
	r.year = y;
	r.month = m;
	r.day = d;
	r.sex = sex;
	r.nationality = nat;
	r.salt = salt;
	if (mr_clk_encode(&r, test_prf, NULL, 0x12345678, &c) != MR_OK)
		memset(&c, 0, sizeof(c));
	return c;
}

int
main(void)
{
	char		buf[512];
	size_t		len;

	/* ---- names ---- */
	is("José María  de la Peña-Núñez", MR_NAME_PLAIN, "JOSE MARIA PENA NUNEZ");
	is("O'Brien", MR_NAME_PLAIN, "OBRIEN");
	is("D'Souza", MR_NAME_PLAIN, "SOUZA");
	is("João da Silva Filho", MR_NAME_PLAIN, "JOAO SILVA");
	is("Silva Junior Jr", MR_NAME_PLAIN, "SILVA");
	is("De La", MR_NAME_PLAIN, "DE LA");
	is("St-Fleur", MR_NAME_PLAIN, "SAINT FLEUR");
	is("GARCIA<<LOPEZ", MR_NAME_PLAIN, "GARCIA LOPEZ");
	is("Михаил Горбачёв", MR_NAME_PLAIN, "MIKHAIL GORBACHEV");
	is("Щукина Юлия", MR_NAME_PLAIN, "SHCHUKINA IULIIA");
	is("Ігор Ільїн", MR_NAME_PLAIN, "IGOR ILIN");
	is("Straße Ærø Œuvre Þór", MR_NAME_PLAIN, "STRASSE AERO OEUVRE THOR");
	is("Jose\xcc\x81", MR_NAME_PLAIN, "JOSE");	/* decomposed accent */
	is("Nguyễn Thị", MR_NAME_PLAIN, "NGUYEN THI");
	is("Müller", MR_NAME_PLAIN, "MULLER");
	ok(mr_name_normalize("  -- '' ", 8, MR_NAME_PLAIN, buf, sizeof(buf), &len) == MR_ERR_EMPTY,
	   "no letters: empty");
	ok(mr_name_normalize("\xff\xfe\xc3", 3, MR_NAME_PLAIN, buf, sizeof(buf), &len) == MR_ERR_EMPTY,
	   "invalid UTF-8 is no letter");
	ok(mr_name_normalize("王秀英", strlen("王秀英"), MR_NAME_PLAIN, buf, sizeof(buf), &len) == MR_ERR_EMPTY,
	   "a script without a table is no letter");
	{
		char		longname[2000];

		memset(longname, 'a', sizeof(longname) - 1);
		longname[sizeof(longname) - 1] = '\0';
		ok(mr_name_normalize(longname, strlen(longname), MR_NAME_PLAIN, buf, sizeof(buf), &len) == MR_ERR_TOO_LONG,
		   "a name too long is refused, not cut");
		for (int i = 0; i < 60; i++)
			memcpy(longname + 3 * i, "ab ", 3);
		longname[180] = '\0';
		ok(mr_name_normalize(longname, strlen(longname), MR_NAME_PLAIN, buf, sizeof(buf), &len) == MR_ERR_TOO_LONG,
		   "a name of too many words is refused");
	}

	/* the family form: either order, spellings of the region's languages */
	same("García López", "LOPEZ GARCIA", MR_NAME_FAMILY, "surnames in either order");
	same("Souza", "Sousa", MR_NAME_FAMILY, "Souza, Sousa");
	same("Gonçalves", "GONCALVES", MR_NAME_FAMILY, "a lost cedilla does not matter");
	same("Coelho", "Coello", MR_NAME_FAMILY, "Coelho, Coello");
	same("Hernández", "Ernandez", MR_NAME_FAMILY, "silent H");
	same("Chávez", "Chaves", MR_NAME_FAMILY, "Z, S");
	same("Quispe", "Kispe", MR_NAME_FAMILY, "QU, K");
	same("Moreau", "Moro", MR_NAME_FAMILY, "EAU, O");
	same("Vargas", "Bargas", MR_NAME_FAMILY, "V, B");
	same("Ornelas", "Ornelaz", MR_NAME_FAMILY, "final S, Z");
	is("Pierre-Louis", MR_NAME_FAMILY, "LUIS PIERE");
	/* the given form: nicknames, abbreviations, spellings */
	same("Thiago", "Tiago", MR_NAME_GIVEN, "Thiago, Tiago");
	same("Jhon", "John", MR_NAME_GIVEN, "Jhon, John");
	same("Joseph", "Josef", MR_NAME_GIVEN, "Joseph, Josef");
	same("Louis", "Luis", MR_NAME_GIVEN, "Louis, Luis");
	same("Wilner", "Vilner", MR_NAME_GIVEN, "Wilner, Vilner");
	same("Ximena", "Jimena", MR_NAME_GIVEN, "Ximena, Jimena");
	same("Yasmin", "Iasmin", MR_NAME_GIVEN, "Yasmin, Iasmin");
	same("Kelly", "Keli", MR_NAME_GIVEN, "Kelly, Keli");
	same("Pepe", "José", MR_NAME_GIVEN, "Pepe is José");
	same("Juanjo", "Juan José", MR_NAME_GIVEN, "Juanjo is Juan José");
	same("Ma. del Carmen", "María Carmen", MR_NAME_GIVEN, "Ma. is María");
	is("Beto", MR_NAME_GIVEN, "BETO");	/* Alberto or Roberto: not folded */
	is("Lupe", MR_NAME_GIVEN, "LUPE");	/* no written source: not folded */
	is("Juan José", MR_NAME_GIVEN, "JUAN JOSE");
	is("José Juan", MR_NAME_GIVEN, "JOSE JUAN");
	ok(mr_name_normalize("H", 1, MR_NAME_GIVEN, buf, sizeof(buf), &len) == MR_ERR_EMPTY,
	   "a name of silent letters is empty");

	/* the nickname table is sorted, its entries normalised */
	{
		int			bad = 0;

		for (int i = 0; i < mr_nnicknames; i++)
		{
			if (i > 0 && strcmp(mr_nicknames[i - 1].nickname, mr_nicknames[i].nickname) >= 0)
				bad++;
			if (strcmp(norm(mr_nicknames[i].given, MR_NAME_PLAIN), mr_nicknames[i].given) != 0)
				bad++;
		}
		ok(bad == 0 && mr_nnicknames > 40, "nickname table sorted and normalised");
	}

	/* PLAIN is idempotent on a sample of inputs */
	{
		const char *samples[] = {"José María de la Peña", "Silva Jr Jr", "D'Ávila", "St Fleur", "Ma. Luisa", NULL};
		int			bad = 0;

		for (int i = 0; samples[i]; i++)
		{
			char		once[MR_NAME_BUFSIZE];

			snprintf(once, sizeof(once), "%s", norm(samples[i], MR_NAME_PLAIN));
			if (strcmp(once, norm(once, MR_NAME_PLAIN)) != 0)
				bad++;
		}
		ok(bad == 0, "normalising twice changes nothing");
	}

	/* sex */
	ok(mr_name_sex_parse("F", 1) == 'F' && mr_name_sex_parse(" femenino ", 10) == 'F' &&
	   mr_name_sex_parse("Féminin", strlen("Féminin")) == 'F' && mr_name_sex_parse("MULHER", 6) == 'F',
	   "female words");
	ok(mr_name_sex_parse("m", 1) == 'M' && mr_name_sex_parse("Varón", strlen("Varón")) == 'M' &&
	   mr_name_sex_parse("homme", 5) == 'M', "male words");
	ok(mr_name_sex_parse("<", 1) == 'X' && mr_name_sex_parse("x", 1) == 'X', "unspecified");
	ok(mr_name_sex_parse("H", 1) == 0 && mr_name_sex_parse("", 0) == 0 && mr_name_sex_parse("FM", 2) == 0,
	   "H, empty and other codes are refused");

	/* ---- person_key text ---- */
	{
		uint64_t	v;
		size_t		pos;
		char		out[MR_PERSON_KEY_TEXT_SIZE];

		ok(mr_person_key_parse(" 00ff10A0b0c0d0e0 ", 18, &v, &pos) == MR_OK && v == UINT64_C(0x00ff10a0b0c0d0e0) &&
		   (mr_person_key_format(v, out), strcmp(out, "00ff10a0b0c0d0e0") == 0), "person_key round trip");
		ok(mr_person_key_parse("00ff10a0b0c0d0e", 15, &v, &pos) == MR_ERR_SYNTAX &&
		   mr_person_key_parse("00ff10a0b0c0d0e0f", 17, &v, &pos) == MR_ERR_SYNTAX &&
		   mr_person_key_parse("00ff10a0b0c0d0eg", 16, &v, &pos) == MR_ERR_SYNTAX && pos == 15,
		   "person_key: 16 hexadecimal digits exactly");
	}
	{
		uint8_t		msg[MR_PERSON_KEY_MSG_MAX];
		size_t		n = mr_person_key_message("GARSIA LOPES", "JOSE", 1990, 2, 1, 'M', "HND", msg);
		const char	want[] = "migrec person_key 1\0GARSIA LOPES\0JOSE\00019900201\0M\0HND";

		ok(n == sizeof(want) - 1 && memcmp(msg, want, n) == 0, "person_key message layout");
	}

	/* ---- clk ---- */
	{
		mr_clk		a = encode("García López", "José María", 1990, 2, 1, 'M', "HND", NULL);
		mr_clk		a2 = encode("LOPEZ GARCIA", "jose maria", 1990, 2, 1, 'M', "HND", NULL);
		mr_clk		t = encode("García", "José María", 1990, 1, 2, 'M', "HND", NULL);
		mr_clk		o = encode("Pérez", "Ana", 1980, 7, 7, 'F', "VEN", NULL);
		mr_clk		s = encode("García López", "José María", 1990, 2, 1, 'M', "HND", "1990");
		mr_clk		p;
		char		text[MR_CLK_TEXT_SIZE];
		uint8_t		ext[MR_CLK_EXTERNAL_SIZE];
		size_t		pos;

		ok(mr_clk_valid(&a) && a.version == MR_CLK_VERSION_1 && a.flags == 0 && a.key_id == 0x12345678,
		   "an encoding is valid, version 1");
		ok(a.popcount > 100 && a.popcount < 400, "an encoding sets a few hundred bits");
		ok(memcmp(&a, &a2, sizeof(a)) == 0, "case, accents and surname order do not change it");
		ok(mr_clk_dice(&a, &a) == 1.0, "dice of an encoding with itself is 1");
		ok(mr_clk_dice(&a, &t) == mr_clk_dice(&t, &a), "dice is symmetric");
		ok(mr_clk_dice(&a, &t) > 0.7 && mr_clk_dice(&a, &o) < 0.5,
		   "a corrupted duplicate is close, another person far");
		ok(s.flags == MR_CLK_FLAG_SALTED && !mr_clk_comparable(&a, &s), "salted encodings are another kind");

		mr_clk_format(&a, text);
		ok(strlen(text) == MR_CLK_TEXT_SIZE - 1 && mr_clk_parse(text, strlen(text), &p, &pos) == MR_OK &&
		   memcmp(&p, &a, sizeof(a)) == 0, "clk text round trip");
		text[0] = text[0] == 'A' ? 'B' : 'A';	/* another version */
		ok(mr_clk_parse(text, strlen(text), &p, &pos) == MR_ERR_UNKNOWN, "unknown version refused");
		ok(mr_clk_parse("AAAA", 4, &p, &pos) == MR_ERR_SYNTAX && mr_clk_parse("", 0, &p, &pos) == MR_ERR_EMPTY,
		   "short or empty text refused");
		mr_clk_to_external(&a, ext);
		ext[1] = 0x80;
		ok(mr_clk_from_external(ext, &p) != MR_OK, "unknown options refused");
		p = a;
		p.popcount++;
		ok(!mr_clk_valid(&p), "a wrong popcount is invalid");
	}

	/* dice against a bit-by-bit count, and the tight loop against dice */
	{
		mr_clk		c[8];
		double		d[8];
		int			bad = 0;

		for (int i = 0; i < 8; i++)
			c[i] = encode(i % 2 ? "Pérez" : "Pérez Soto", i % 3 ? "Ana" : "Ana María", 1980 + i, 7, 7,
						  'F', "VEN", NULL);
		mr_clk_dice_many(&c[0], c, 8, d);
		for (int i = 0; i < 8; i++)
		{
			int			common = 0;

			for (unsigned p = 0; p < MR_CLK_BITS; p++)
				common += mr_clk_bit(&c[0], p) && mr_clk_bit(&c[i], p);
			if (d[i] != 2.0 * common / (c[0].popcount + c[i].popcount) || d[i] != mr_clk_dice(&c[0], &c[i]))
				bad++;
		}
		ok(bad == 0, "dice agrees with counting bits, dice_many with dice");
	}

	/* base64 */
	{
		uint8_t		out[8];

		ok(mr_base64_decode("Zm9vYg==", 8, out, sizeof(out)) == 4 && memcmp(out, "foob", 4) == 0 &&
		   mr_base64_decode("Zm9vYh==", 8, out, sizeof(out)) < 0 &&
		   mr_base64_decode("Zm9v=mFy", 8, out, sizeof(out)) < 0 &&
		   mr_base64_decode("Zm9", 3, out, sizeof(out)) < 0, "base64: padding, stray bits, length");
	}

	/* ---- LSH ---- */
	{
		int			bad = 0;
		mr_clk		a = encode("García López", "José María", 1990, 2, 1, 'M', "HND", NULL);
		mr_clk		b = a;
		int32_t		ka[MR_LSH_MAX_TABLES],
					kb[MR_LSH_MAX_TABLES];

		/* frozen: indexes store keys made from these positions */
		ok(mr_lsh_positions(0)[0] == 780 && mr_lsh_positions(0)[1] == 842 &&
		   mr_lsh_positions(255)[47] == 804, "LSH positions are the frozen ones");
		for (int t = 0; t < MR_LSH_MAX_TABLES; t++)
		{
			bool		seen[MR_CLK_BITS] = {false};

			for (int i = 0; i < MR_LSH_MAX_BITS; i++)
			{
				unsigned	p = mr_lsh_positions(t)[i];

				if (p >= MR_CLK_BITS || seen[p])
					bad++;
				seen[p] = true;
			}
		}
		ok(bad == 0, "a table samples distinct positions");
		mr_clk_lsh_keys(&a, MR_LSH_DEFAULT_TABLES, MR_LSH_DEFAULT_BITS, ka);
		mr_clk_lsh_keys(&b, MR_LSH_DEFAULT_TABLES, MR_LSH_DEFAULT_BITS, kb);
		ok(memcmp(ka, kb, sizeof(int32_t) * MR_LSH_DEFAULT_TABLES) == 0, "equal filters have equal keys");
		/* flip one bit of table 3's sample: only that table's key changes */
		b.bits.bytes[mr_lsh_positions(3)[5] >> 3] ^= (uint8_t) (0x80u >> (mr_lsh_positions(3)[5] & 7));
		mr_clk_lsh_keys(&b, MR_LSH_DEFAULT_TABLES, MR_LSH_DEFAULT_BITS, kb);
		bad = 0;
		for (int t = 0; t < MR_LSH_DEFAULT_TABLES; t++)
		{
			bool		samples = false;

			for (int i = 0; i < MR_LSH_DEFAULT_BITS; i++)
				samples |= mr_lsh_positions(t)[i] == mr_lsh_positions(3)[5];
			if (!samples && ka[t] != kb[t])
				bad++;
		}
		ok(ka[3] != kb[3] && bad == 0, "a sampled bit changes the keys of the tables that sample it, only");
		bad = 0;
		for (int t = 0; t < MR_LSH_DEFAULT_TABLES; t++)
			if (ka[t] < 0)
				bad++;
		ok(bad == 0, "keys are non-negative int4");
		ok(mr_lsh_model_recall(0.75, 212, 64, 30) > 0.9 && mr_lsh_model_recall(0.5, 212, 64, 30) < 0.2,
		   "the recall model");
		{
			int			tables,
						bits;

			mr_lsh_choose(0.6, 212, &tables, &bits);
			ok(tables == 128 && bits < MR_LSH_DEFAULT_BITS &&
			   mr_lsh_model_recall(0.6, 212, tables, bits) >= 0.95, "LSH parameters for a lower threshold");
		}
	}

	/* ---- greedy assignment ---- */
	{
		mr_link_pair p[] = {
			{0, 0, 0.90}, {0, 1, 0.95}, {1, 1, 0.92}, {1, 0, 0.80}, {2, 2, 0.70}, {2, 1, 0.99}, {3, 3, 0.5}
		};
		bool		ua[4],
					ub[4];
		size_t		n = mr_link_greedy(p, 7, ua, 4, ub, 4);

		/* 2-1 (0.99) first, then 0-0 (0.90), then 1-? nothing left but 1-0 and 1-1 taken, 3-3 */
		ok(n == 3 && p[0].a == 2 && p[0].b == 1 && p[1].a == 0 && p[1].b == 0 && p[2].a == 3 && p[2].b == 3,
		   "greedy one-to-one by score");
	}

	/* ---- BLAKE2b: RFC 7693's vector, the reference KAT, and hashlib's ---- */
	{
		uint8_t		out[64],
					key[64],
					in[255],
					kk[64];
		char		hex[129];
		int			bad = 0;
		b2_vector	v[6];

		for (int i = 0; i < 64; i++)
			key[i] = (uint8_t) i;
		for (int i = 0; i < 255; i++)
			in[i] = (uint8_t) i;
		memset(kk, 'k', sizeof(kk));
		v[0] = (b2_vector) {"RFC 7693 abc", 64, (const uint8_t *) "abc", 3, NULL, 0, NULL, NULL,
			"ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"};
		v[1] = (b2_vector) {"KAT keyed, empty", 64, in, 0, key, 64, NULL, NULL,
			"10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568"};
		v[2] = (b2_vector) {"KAT keyed, 255 bytes", 64, in, 255, key, 64, NULL, NULL,
			"142709d62e28fcccd0af97fad0f8465b971e82201dc51070faa0372aa43e92484be1c1e73ba10906d5d1853db6a4106e0a7bf9800d373d6dee2d46d62ef2a461"};
		v[3] = (b2_vector) {"keyed and salted, as blakeHash", 64, (const uint8_t *) "ab", 2, kk, 64, "0", NULL,
			"90fbbb203d27a4995672b8ac378c752c6866548ae21b1a0d3ae15b51ba3a2d3c933f2a3cdc48d42a9e4b74cb4183e4c1a0420ecb77dc500709ea3d677eea494c"};
		v[4] = (b2_vector) {"salt and personalization, 32 bytes", 32, (const uint8_t *) "ab", 2, kk, 64, "12", "migrec",
			"70c7aaf5acdf6e0458912cb293e5229e9509e7c41f1b2abb41c3aacf87010ea3"};
		v[5] = (b2_vector) {"two blocks, 20 bytes", 20, NULL, 200, NULL, 0, NULL, NULL,
			"8f88e9568f12a27d9099c015c2d8d8b395e0d415"};
		for (int i = 0; i < 6; i++)
		{
			uint8_t		x[200];

			memset(x, 'x', sizeof(x));
			mr_blake2b(out, v[i].outlen, v[i].in ? v[i].in : x, v[i].inlen, v[i].key, v[i].keylen,
					   (const uint8_t *) v[i].salt, v[i].salt ? strlen(v[i].salt) : 0,
					   (const uint8_t *) v[i].person, v[i].person ? strlen(v[i].person) : 0);
			for (size_t b = 0; b < v[i].outlen; b++)
				snprintf(hex + 2 * b, 3, "%02x", out[b]);
			if (strcmp(hex, v[i].want) != 0)
			{
				printf("# blake2b %s: %s\n", v[i].what, hex);
				bad++;
			}
		}
		ok(bad == 0, "BLAKE2b: RFC 7693, reference KAT and hashlib vectors");
		ok(mr_blake2b(out, 65, in, 1, NULL, 0, NULL, 0, NULL, 0) < 0 &&
		   mr_blake2b(out, 64, in, 1, key, 65, NULL, 0, NULL, 0) < 0, "BLAKE2b lengths checked");
	}

	/* ---- clkhash: what the encoder does with its parameters ---- */
	{
		uint8_t		k1[64],
					k2[64];
		mr_clkhash_feature f[2];
		const char *vals[2] = {"Ana", "1990/02/01"};
		uint8_t		a[128],
					b[128],
					folded[64];
		char		err[200];

		memset(k1, 1, sizeof(k1));
		memset(k2, 2, sizeof(k2));
		memset(f, 0, sizeof(f));
		f[0].ngram = 2;
		f[0].bits_per_feature = 200;
		f[0].key1 = k1;
		f[0].key2 = k2;
		f[1] = f[0];
		f[1].ngram = 1;
		f[1].positional = true;
		f[1].date_format = "%Y/%m/%d";
		ok(mr_clkhash_encode(f, 2, 64, vals, 1024, 0, NULL, NULL, a, err, sizeof(err)) == MR_OK &&
		   mr_clkhash_encode(f, 2, 64, vals, 512, 1, NULL, NULL, folded, err, sizeof(err)) == MR_OK,
		   "clkhash: encodes, folded and not");
		/* folding 1024 to 512 is XOR of the halves */
		{
			int			bad = 0;

			for (int i = 0; i < 64; i++)
				bad += folded[i] != (a[i] ^ a[i + 64]);
			ok(bad == 0, "clkhash: a fold is the XOR of the halves");
		}
		vals[1] = "19900201";
		f[1].date_format = NULL;
		ok(mr_clkhash_encode(f, 2, 64, vals, 1024, 0, NULL, NULL, b, err, sizeof(err)) == MR_OK &&
		   memcmp(a, b, sizeof(a)) == 0, "clkhash: a date is hashed as YYYYMMDD");
		vals[1] = "1990-02-01";
		f[1].date_format = "%Y/%m/%d";
		ok(mr_clkhash_encode(f, 2, 64, vals, 1024, 0, NULL, NULL, b, err, sizeof(err)) == MR_ERR_SYNTAX,
		   "clkhash: a date not in its format is refused");
		ok(mr_clkhash_encode(f, 2, 64, vals, 1000, 0, NULL, NULL, b, err, sizeof(err)) == MR_ERR_FIELD_RANGE,
		   "clkhash: blakeHash needs a power of two");
	}

	printf("1..%d\n", ntests);
	return nfailed != 0;
}

CREATE TABLE "kelurahan_version" (
	"kode_kota" varchar(4) NOT NULL,
	"code" varchar(10) NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "kelurahan_version_kode_kota_code_pk" PRIMARY KEY("kode_kota","code")
);

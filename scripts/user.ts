// Accounts from the command line, for the first admin and for operators:
//   npm run user -- create --username x --role admin --area 6471 --password '…' [--name "…"]
//   npm run user -- create --username ppl-a --role ppl --officer 647110001 --password '…'
//   npm run user -- password --username x --password '…'      (ends the account's sessions and API tokens)
//   npm run user -- disable|enable --username x
//   npm run user -- list [--kota 6471]
// Without --password the password is read from the first line of stdin.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import { newUserSchema, passwordSchema, resetUserPassword, setUserDisabled, createUser } from '@/lib/auth/users';
import { openDatabase, queryRows, type Db } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { areaScope } from '@/lib/domain/scope';
import { readEnv } from '@/lib/env';
import { listUsers } from '@/lib/queries/users';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    area: { type: 'string' },
    officer: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    kota: { type: 'string' },
  },
});
const actor = { username: `cli:${process.env.USER ?? 'operator'}`, ip: null };

async function readPassword(): Promise<string> {
  if (values.password) return values.password;
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0];
}

/** The kab/kota an account or root belongs to: the operator acts with that whole kab/kota as scope. */
async function kotaOf(db: Db): Promise<string> {
  if (values.area) return values.area.slice(0, 4);
  if (values.officer) {
    const [row] = await queryRows<{ kode_kota: string }>(db, sql`select kode_kota from officer where code = ${values.officer}`);
    if (!row) throw new Error(`no officer ${values.officer}: load the officers first`);
    return row.kode_kota;
  }
  const [row] = await queryRows<{ kode_kota: string }>(db, sql`select kode_kota from auth_user where username = ${values.username ?? ''}`);
  if (!row) throw new Error(`no account ${values.username}`);
  return row.kode_kota;
}

async function run(db: Db, command: string | undefined): Promise<string> {
  switch (command) {
    case 'create': {
      const input = newUserSchema.parse({
        username: values.username,
        name: values.name ?? values.username,
        role: values.role,
        root: values.area ?? values.officer,
        password: await readPassword(),
      });
      const result = await createUser(db, areaScope(await kotaOf(db)), actor, input);
      if (!result.ok) throw new Error(result.error === 'root_not_found' ? `${input.root} does not exist or does not fit the role ${input.role}` : result.error);
      return `created ${input.username} (${input.role}, ${input.root})`;
    }
    case 'password': {
      const password = passwordSchema.parse(await readPassword());
      const result = await resetUserPassword(db, areaScope(await kotaOf(db)), actor, values.username ?? '', password);
      if (!result.ok) throw new Error(result.error);
      return `password of ${values.username} set; its sessions and API tokens ended`;
    }
    case 'disable':
    case 'enable': {
      const result = await setUserDisabled(db, areaScope(await kotaOf(db)), actor, values.username ?? '', command === 'disable');
      if (!result.ok) throw new Error(result.error);
      return `${values.username} ${command}d`;
    }
    case 'list': {
      const kotas = values.kota ? [values.kota] : (await queryRows<{ k: string }>(db, sql`select distinct kode_kota as k from auth_user order by 1`)).map((r) => r.k);
      const lines: string[] = [];
      for (const kota of kotas) {
        const { rows } = await listUsers(db, areaScope(kota), { page: 1, pageSize: 10_000 });
        for (const u of rows) lines.push(`${u.username}\t${u.role}\t${u.areaCode ?? u.officerCode}\t${u.disabled ? 'disabled' : 'active'}${u.demo ? '\tdemo' : ''}`);
      }
      return lines.join('\n');
    }
    default:
      throw new Error('usage: npm run user -- create|password|disable|enable|list [--username x] [--role r] [--area code | --officer code] [--password p]');
  }
}

const env = readEnv();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PANTAU_DATA_DIR });
try {
  await migrateDatabase(database);
  console.log(await run(database.db, positionals[0]));
  process.exitCode = 0;
} catch (error) {
  const message = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : error instanceof Error ? error.message : error;
  console.error(message);
  process.exitCode = 1;
} finally {
  await database.close();
}

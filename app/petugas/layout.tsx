import { QueryProvider } from '@/components/query-provider';

export default function OfficersLayout({ children }: { children: React.ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}

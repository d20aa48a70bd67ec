import { PublicFrame } from '@/components/layout/public-frame';

/** Sign-in, registration and account pages are the reader's: the public masthead and footer around them. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <PublicFrame area="auth">{children}</PublicFrame>;
}

"use client";
// Sign-out ends the session in the database (Better Auth deletes it) and clears the cookie.
export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      className="rounded border border-stone-300 px-2 py-0.5 text-stone-700 hover:bg-stone-100"
      data-testid="sign-out"
      onClick={async () => {
        await fetch("/api/auth/sign-out", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
        window.location.assign("/");
      }}
    >
      {label}
    </button>
  );
}

//! Entry point: the panic hook (for bugs, not for bad data) and the mount.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(crypto_repricing::App);
    crypto_repricing::browser::remove_boot_screen();
}

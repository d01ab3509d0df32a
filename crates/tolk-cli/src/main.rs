use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    keep_freed_memory();
    let cli = tolk_cli::Cli::parse();
    match tolk_cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if tolk_cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            #[allow(clippy::print_stderr)]
            {
                eprintln!("error: {err:#}");
            }
            ExitCode::from(2)
        }
    }
}

/// glibc's allocator hands memory back to the system as soon as 128 KiB are free at
/// the top of a heap, and grows a thread's heap a little at a time. `tolk check`
/// frees a locale's memory and then allocates as much for the next one, so it paid
/// system calls (`mprotect`) and page faults for the same memory again and again.
/// Freed memory is now kept for reuse; peak RSS is unchanged (it is the memory in
/// use at the peak).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn keep_freed_memory() {
    #[allow(unsafe_code)]
    // SAFETY: `mallopt` only sets the allocator's parameters, and is called before
    // any other thread exists.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 1 << 30);
        libc::mallopt(libc::M_TOP_PAD, 16 << 20);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_freed_memory() {}

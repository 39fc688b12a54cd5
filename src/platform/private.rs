//! Files and directories only their user can read: interviews hold
//! confidential statements by named people.
//!
//! Unix: files 0600, directories 0700, whatever the umask.
//! Windows: a protected access list (nothing inherited from the folder
//! above) with one entry, full control for the user running Kompass;
//! directories pass it on to what is created in them. Administrators and
//! backup software keep their privileges over it, as root does on Unix.
//! File systems without access lists (FAT and exFAT sticks) cannot
//! restrict anyone; there the file is written as it is, unprotected, just
//! as a Unix mode means nothing on such a stick.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates a directory and its missing parents, each private.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        // Created one by one from the first missing ancestor, each
        // restricted before anything is created in it.
        // A relative path's last ancestor is "", which is no directory to
        // create: the current one.
        let missing: Vec<&Path> = dir
            .ancestors()
            .take_while(|d| !d.as_os_str().is_empty() && !d.is_dir())
            .collect();
        for d in missing.into_iter().rev() {
            match fs::create_dir(d) {
                Ok(()) => restrict(d, Kind::Dir)?,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && d.is_dir() => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// Makes an open file, just created at `path`, private.
pub fn make_private(file: &File, path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = path;
        file.set_permissions(fs::Permissions::from_mode(0o600))
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        restrict(path, Kind::File)
    }
}

/// Opens `path` with `options`; a file this creates is private.
pub fn open_private(options: &mut OpenOptions, path: &Path) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).open(path)
    }
    #[cfg(not(unix))]
    {
        // An existing file keeps its access list: it may be another user's
        // (a lock file on a shared folder), which this user may not change.
        let existed = path.exists();
        let file = options.open(path)?;
        if !existed {
            restrict(path, Kind::File)?;
        }
        Ok(file)
    }
}

/// Whether only the user can read `path`, as the functions above leave it:
/// on Unix mode 0600 (a directory 0700); on Windows a protected access list
/// with one entry, full access (for the user: no one else is given any).
pub fn is_private(path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::metadata(path)?;
        let mode = meta.permissions().mode() & 0o777;
        Ok(mode == if meta.is_dir() { 0o700 } else { 0o600 })
    }
    #[cfg(windows)]
    {
        let sddl = windows::access_list(path)?;
        // "D:P(A;OICI;FA;;;S-1-5-21-…)" or, inherited by a file, "D:P(A;ID;FA;;;…)".
        Ok(sddl.starts_with("D:P(") && sddl.matches("(A;").count() == 1 && sddl.contains(";FA;;;"))
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = path;
        Ok(false)
    }
}

#[cfg(not(unix))]
#[derive(Clone, Copy)]
enum Kind {
    File,
    Dir,
}

#[cfg(windows)]
fn restrict(path: &Path, kind: Kind) -> io::Result<()> {
    windows::restrict(path, matches!(kind, Kind::Dir))
}

/// Neither Unix nor Windows: no way to restrict, and no such target built.
#[cfg(not(any(unix, windows)))]
fn restrict(_: &Path, _: Kind) -> io::Result<()> {
    Ok(())
}

#[cfg(windows)]
mod windows {
    use std::ffi::c_void;
    use std::io;
    use std::path::Path;
    use std::ptr;
    use std::sync::OnceLock;

    use windows_sys::Win32::Foundation::{
        CloseHandle, ERROR_INVALID_FUNCTION, ERROR_NOT_SUPPORTED, HANDLE, HLOCAL, LocalFree,
    };
    use windows_sys::Win32::Security::Authorization::{
        ConvertSidToStringSidW, ConvertStringSecurityDescriptorToSecurityDescriptorW,
        SDDL_REVISION_1, SE_FILE_OBJECT, SetNamedSecurityInfoW,
    };
    use windows_sys::Win32::Security::{
        ACL, DACL_SECURITY_INFORMATION, GetSecurityDescriptorDacl, GetTokenInformation,
        PROTECTED_DACL_SECURITY_INFORMATION, PSECURITY_DESCRIPTOR, TOKEN_QUERY, TOKEN_USER,
        TokenUser,
    };
    use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};

    use crate::platform::durable::wide;

    /// Gives `path` an access list with one entry: full control for the
    /// current user, not inherited from above; a directory's entry is
    /// inherited by files and folders created in it.
    pub fn restrict(path: &Path, dir: bool) -> io::Result<()> {
        let sid = user_sid()?;
        let inherit = if dir { "OICI" } else { "" };
        // SDDL: D: the access list, P protected, A allow, FA full access.
        let sddl = format!("D:P(A;{inherit};FA;;;{sid})");
        let sddl: Vec<u16> = sddl.encode_utf16().chain([0]).collect();
        let mut descriptor: PSECURITY_DESCRIPTOR = ptr::null_mut();
        // SAFETY: `sddl` is NUL-terminated; the descriptor is freed below.
        let made = unsafe {
            ConvertStringSecurityDescriptorToSecurityDescriptorW(
                sddl.as_ptr(),
                SDDL_REVISION_1,
                &mut descriptor,
                ptr::null_mut(),
            )
        };
        if made == 0 {
            return Err(io::Error::last_os_error());
        }
        let result = set_dacl(path, descriptor);
        // SAFETY: allocated by the conversion above with LocalAlloc.
        unsafe { LocalFree(descriptor as HLOCAL) };
        result
    }

    fn set_dacl(path: &Path, descriptor: PSECURITY_DESCRIPTOR) -> io::Result<()> {
        let mut present = 0;
        let mut defaulted = 0;
        let mut dacl: *mut ACL = ptr::null_mut();
        // SAFETY: `descriptor` is valid; `dacl` points into it.
        if unsafe { GetSecurityDescriptorDacl(descriptor, &mut present, &mut dacl, &mut defaulted) }
            == 0
        {
            return Err(io::Error::last_os_error());
        }
        let path = wide(path);
        // SAFETY: `path` is NUL-terminated; `dacl` lives in `descriptor`.
        let status = unsafe {
            SetNamedSecurityInfoW(
                path.as_ptr(),
                SE_FILE_OBJECT,
                DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                ptr::null_mut(),
                ptr::null_mut(),
                dacl,
                ptr::null(),
            )
        };
        match status {
            0 => Ok(()),
            // A file system without access lists: nothing to restrict.
            ERROR_NOT_SUPPORTED | ERROR_INVALID_FUNCTION => Ok(()),
            code => Err(io::Error::from_raw_os_error(code as i32)),
        }
    }

    /// The current user's security identifier as a string ("S-1-5-21-…"),
    /// looked up once.
    fn user_sid() -> io::Result<&'static str> {
        static SID: OnceLock<Result<String, i32>> = OnceLock::new();
        SID.get_or_init(|| look_up_user_sid().map_err(|e| e.raw_os_error().unwrap_or_default()))
            .as_deref()
            .map_err(|&code| io::Error::from_raw_os_error(code))
    }

    fn look_up_user_sid() -> io::Result<String> {
        let mut token: HANDLE = ptr::null_mut();
        // SAFETY: the pseudo-handle of this process; `token` is closed below.
        if unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) } == 0 {
            return Err(io::Error::last_os_error());
        }
        let sid = token_user_sid(token);
        // SAFETY: opened above.
        unsafe { CloseHandle(token) };
        sid
    }

    fn token_user_sid(token: HANDLE) -> io::Result<String> {
        let mut len = 0u32;
        // SAFETY: asks for the size only.
        unsafe { GetTokenInformation(token, TokenUser, ptr::null_mut(), 0, &mut len) };
        // u64 elements: aligned for TOKEN_USER's pointer.
        let mut buffer = vec![0u64; (len as usize).div_ceil(8)];
        // SAFETY: `buffer` holds `len` bytes.
        if unsafe {
            GetTokenInformation(
                token,
                TokenUser,
                buffer.as_mut_ptr() as *mut c_void,
                len,
                &mut len,
            )
        } == 0
        {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: filled in by GetTokenInformation as a TOKEN_USER.
        let user = unsafe { &*(buffer.as_ptr() as *const TOKEN_USER) };
        let mut text: *mut u16 = ptr::null_mut();
        // SAFETY: the SID lives in `buffer`; `text` is freed below.
        if unsafe { ConvertSidToStringSidW(user.User.Sid, &mut text) } == 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: a NUL-terminated string from the call above.
        let sid = unsafe { from_wide(text) };
        // SAFETY: allocated by ConvertSidToStringSidW with LocalAlloc.
        unsafe { LocalFree(text as HLOCAL) };
        Ok(sid)
    }

    /// The access list of `path` in SDDL ("D:P(A;;FA;;;S-1-5-21-…)").
    pub fn access_list(path: &Path) -> io::Result<String> {
        use windows_sys::Win32::Security::Authorization::{
            ConvertSecurityDescriptorToStringSecurityDescriptorW, GetNamedSecurityInfoW,
        };
        let wide = wide(path);
        let mut descriptor: PSECURITY_DESCRIPTOR = ptr::null_mut();
        // SAFETY: `wide` is NUL-terminated; the descriptor is freed below.
        let status = unsafe {
            GetNamedSecurityInfoW(
                wide.as_ptr(),
                SE_FILE_OBJECT,
                DACL_SECURITY_INFORMATION,
                ptr::null_mut(),
                ptr::null_mut(),
                ptr::null_mut(),
                ptr::null_mut(),
                &mut descriptor,
            )
        };
        if status != 0 {
            return Err(io::Error::from_raw_os_error(status as i32));
        }
        let mut text: *mut u16 = ptr::null_mut();
        // SAFETY: `descriptor` is valid; `text` is freed below.
        let converted = unsafe {
            ConvertSecurityDescriptorToStringSecurityDescriptorW(
                descriptor,
                SDDL_REVISION_1,
                DACL_SECURITY_INFORMATION,
                &mut text,
                ptr::null_mut(),
            )
        };
        let result = if converted == 0 {
            Err(io::Error::last_os_error())
        } else {
            // SAFETY: a NUL-terminated string from the call above.
            Ok(unsafe { from_wide(text) })
        };
        // SAFETY: both allocated by the calls above with LocalAlloc.
        unsafe {
            if !text.is_null() {
                LocalFree(text as HLOCAL);
            }
            LocalFree(descriptor as HLOCAL);
        }
        result
    }

    /// The text of a NUL-terminated UTF-16 string.
    ///
    /// # Safety
    /// `text` points to a NUL-terminated UTF-16 string.
    unsafe fn from_wide(text: *const u16) -> String {
        // SAFETY: the caller's promise.
        unsafe {
            let len = (0..).take_while(|&i| *text.add(i) != 0).count();
            String::from_utf16_lossy(std::slice::from_raw_parts(text, len))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_files_and_directories_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        create_private_dir(&nested).unwrap();
        let path = nested.join("f");
        let file = open_private(OpenOptions::new().write(true).create_new(true), &path).unwrap();
        let other = nested.join("g");
        make_private(&File::create(&other).unwrap(), &other).unwrap();
        drop(file);
        for p in [dir.path().join("a"), nested.clone(), path, other] {
            assert!(is_private(&p).unwrap(), "{} is not private", p.display());
        }
    }
}

//! Web-page chrome, page furniture and archive disclaimers (domain guide §3.2, §3.4).

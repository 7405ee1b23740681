//go:build unix

package diary

import "syscall"

func setUmask(m int) int { return syscall.Umask(m) }

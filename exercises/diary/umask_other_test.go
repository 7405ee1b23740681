//go:build !unix

package diary

func setUmask(m int) int { return 0 }

# Finds a CUDA toolkit and, with it, enables the CUDA backend of
# kiln_runtime. Without one the runtime builds as before and its CUDA tests
# skip, saying why. Sets KILN_HAVE_CUDA and, where cuBLASLt is found (the
# toolkit's, or one under KILN_CUBLAS_ROOT such as pip's nvidia/cu13),
# KILN_CUBLASLT_LIBRARY and KILN_CUBLASLT_INCLUDE_DIR.
set(KILN_ENABLE_CUDA AUTO CACHE STRING
  "Build the CUDA backend: AUTO (when a CUDA toolkit is found), ON (required) or OFF")
set_property(CACHE KILN_ENABLE_CUDA PROPERTY STRINGS AUTO ON OFF)
set(KILN_CUBLAS_ROOT "" CACHE PATH
  "A directory with include/cublasLt.h and lib/libcublasLt.so*, if not the toolkit's")

set(KILN_HAVE_CUDA OFF)
if(NOT KILN_ENABLE_CUDA STREQUAL "OFF")
  include(CheckLanguage)
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    # Hopper unless told otherwise: the H100 is the GPU Kiln is tested on.
    if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
      set(CMAKE_CUDA_ARCHITECTURES 90)
    endif()
    if(KILN_CCACHE AND NOT CMAKE_CUDA_COMPILER_LAUNCHER)
      set(CMAKE_CUDA_COMPILER_LAUNCHER ${KILN_CCACHE})
    endif()
    enable_language(CUDA)
    set(CMAKE_CUDA_STANDARD 17)
    set(CMAKE_CUDA_STANDARD_REQUIRED ON)
    find_package(CUDAToolkit REQUIRED)
    set(KILN_HAVE_CUDA ON)
    message(STATUS "Kiln: CUDA backend on (nvcc ${CMAKE_CUDA_COMPILER_VERSION}, "
                   "architectures ${CMAKE_CUDA_ARCHITECTURES})")
  elseif(KILN_ENABLE_CUDA STREQUAL "ON")
    message(FATAL_ERROR "KILN_ENABLE_CUDA=ON but no CUDA compiler was found")
  else()
    message(STATUS "Kiln: no CUDA toolkit found; building without the CUDA "
                   "backend (its tests skip)")
  endif()
endif()

if(KILN_HAVE_CUDA)
  find_path(KILN_CUBLASLT_INCLUDE_DIR cublasLt.h
    HINTS ${KILN_CUBLAS_ROOT}/include ${CUDAToolkit_INCLUDE_DIRS})
  find_library(KILN_CUBLASLT_LIBRARY
    NAMES cublasLt libcublasLt.so.13 libcublasLt.so.12
    HINTS ${KILN_CUBLAS_ROOT}/lib ${CUDAToolkit_LIBRARY_DIR})
  if(KILN_CUBLASLT_INCLUDE_DIR AND KILN_CUBLASLT_LIBRARY)
    message(STATUS "Kiln: cuBLASLt ${KILN_CUBLASLT_LIBRARY}")
  else()
    message(STATUS "Kiln: no cuBLASLt found (set KILN_CUBLAS_ROOT); "
                   "matrix_multiply runs on the host in CUDA engines")
  endif()
endif()
